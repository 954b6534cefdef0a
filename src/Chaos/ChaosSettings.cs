namespace ActorConcurrency.Chaos;

/// <summary>How the scenarios run: the journal, the load, how many kills, and the options passed to every node.</summary>
public sealed record ChaosSettings
{
    /// <summary>The journal of every node.</summary>
    public required ChaosJournal Journal { get; init; }

    /// <summary>Path of the host's assembly (<c>ActorConcurrency.Host.dll</c>) that runs each node as <c>dotnet DLL node …</c>.</summary>
    public required string HostAssembly { get; init; }

    /// <summary>Increments of a finite load (scenarios whose client must finish its load).</summary>
    public long Load { get; init; } = 200_000;

    /// <summary><c>kill -9</c>s of the kill-shard-host scenario.</summary>
    public int Kills { get; init; } = 1;

    /// <summary>
    /// How long a freeze scenario keeps its node stopped (<c>kill -STOP</c> … <c>kill -CONT</c>), and how long a partition
    /// lasts; null: until the scenario ends (the frozen node is then killed, the partition removed).
    /// </summary>
    public TimeSpan? FaultLength { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Seconds a load runs on after each step before the next one (or before it is stopped).</summary>
    public double Seconds { get; init; } = 3;

    /// <summary>Counters k0..k{Keys-1}.</summary>
    public int Keys { get; init; } = 10;

    /// <summary>Increments per batch (one message, one journal event).</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary>Most unacknowledged batches of a client.</summary>
    public int Window { get; init; } = 32;

    /// <summary>Seconds a batch waits for its acknowledgement before the client retries it.</summary>
    public double AckTimeout { get; init; } = 3;

    /// <summary><c>exactly-once</c> (retries with an idempotency id) or <c>at-most-once</c>.</summary>
    public string Delivery { get; init; } = "exactly-once";

    /// <summary>Seconds between a node's status lines and report ticks.</summary>
    public double StatusEvery { get; init; } = 0.5;

    /// <summary>Longest a step may wait for the cluster (a node Up, a shard moved, a member removed).</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Hard lifetime of every node process: killed by <c>timeout</c> when it is still running then.</summary>
    public TimeSpan NodeLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Where scenario folders are made (logs, reports, SQLite journals); kept when a scenario fails.</summary>
    public string WorkRoot { get; init; } = Path.Combine(Path.GetTempPath(), "actorconcurrency-chaos");

    /// <summary>A load no scenario finishes: the scenario stops the client when its steps are done.</summary>
    public const long UntilStopped = 1_000_000_000; // node --load accepts at most a billion

    /// <summary>Keep every scenario's folder (node logs, reports), not only those of scenarios that did not hold.</summary>
    public bool KeepLogs { get; init; }

    public bool ExactlyOnce => Delivery == "exactly-once";
}
