using System.Diagnostics;
using System.Globalization;
using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos;

/// <summary>
/// The nodes of one scenario and the steps done to them. Every node it starts is on 127.0.0.1, on a port
/// never used before in this run, with its logs and report in the scenario folder; every wait has a deadline
/// and fails the scenario when a node that nobody stopped has exited. Disposing it kills whatever still runs.
/// This file starts, watches, stops and reads back the nodes; ChaosCluster.Faults.cs does the faults to them.
/// </summary>
internal sealed partial class ChaosCluster : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly FreePorts _ports;
    private readonly List<NodeProcess> _nodes = [];
    private readonly HashSet<NodeProcess> _stopped = [];
    private readonly List<(DateTimeOffset At, string Text)> _events = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Action<string>? _log;

    public ChaosCluster(ChaosSettings settings, string folder, FreePorts ports, CancellationToken cancellationToken, Action<string>? log = null)
    {
        Settings = settings;
        Folder = folder;
        _ports = ports;
        _log = log;
        CancellationToken = cancellationToken;
        Directory.CreateDirectory(Path.Combine(folder, "data"));
    }

    public ChaosSettings Settings { get; }

    /// <summary>The scenario folder: logs, reports, the SQLite journal.</summary>
    public string Folder { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

    /// <summary>Guards the event and fault lists: a scheduled wake-up notes itself from the background.</summary>
    private readonly Lock _gate = new();

    /// <summary>Cancelled when the cluster is abandoned or disposed: a pending wake-up happens at once.</summary>
    private readonly CancellationTokenSource _wakeNow = new();

    /// <summary>What the scenario did, with seconds since it began.</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.Select(e => $"{(e.At - _events[0].At).TotalSeconds,6:0.0} s  {e.Text}").ToList();
            }
        }
    }

    /// <summary>Notes a step in the scenario's event list.</summary>
    public void Note(string text)
    {
        lock (_gate)
        {
            _events.Add((DateTimeOffset.UtcNow, text));
        }

        _log?.Invoke(text);
    }

    /// <summary>
    /// Every node started from now on runs with <c>--fault-injection</c> (remoting through Akka's throttler adapter), so
    /// that <see cref="PartitionAsync"/> can cut links; a cluster's nodes must all have it or none.
    /// </summary>
    public bool FaultInjection { get; set; }

    /// <summary>Starts a node seeded by <paramref name="seeds"/> (none: it starts a new cluster); a positive <paramref name="load"/> makes it a client.</summary>
    public NodeProcess Start(string name, IEnumerable<NodeProcess> seeds, long load = 0)
    {
        int port = _ports.Next();
        var arguments = new List<string> { "--port", port.ToString(CultureInfo.InvariantCulture) };
        foreach (NodeProcess seed in seeds)
        {
            arguments.Add("--seed");
            arguments.Add(seed.Seed);
        }

        arguments.AddRange(Settings.Journal.NodeArguments(DataFolder));
        arguments.AddRange(["--keys", Fmt(Settings.Keys)]);
        if (load > 0)
        {
            arguments.AddRange(["--load", load.ToString(CultureInfo.InvariantCulture), "--batch-size", Fmt(Settings.BatchSize),
                "--window", Fmt(Settings.Window), "--ack-timeout", Fmt(Settings.AckTimeout), "--delivery", Settings.Delivery]);
        }

        arguments.AddRange(["--status-every", Fmt(Settings.StatusEvery), "--report", Path.Combine(Folder, $"{name}.report.json")]);
        if (FaultInjection)
        {
            arguments.Add("--fault-injection");
        }

        NodeProcess node = NodeProcess.Start(Settings, name, port, Folder, arguments, load > 0);
        _nodes.Add(node);
        Note($"start {name} on :{port}{(load > 0 ? $" loading {(load >= ChaosSettings.UntilStopped ? "until stopped" : load.ToString("N0", CultureInfo.InvariantCulture))}" : "")}{(seeds.Any() ? $", seed {string.Join(", ", seeds.Select(s => s.Name))}" : ", new cluster")}");
        return node;
    }

    /// <summary>
    /// Starts the first node of a new cluster and waits until it is Up, so the nodes seeded by it join at their
    /// first attempt instead of waiting out a join retry.
    /// </summary>
    public async Task<NodeProcess> StartFirstAsync(string name, long load = 0)
    {
        NodeProcess node = Start(name, [], load);
        await WaitMembersAsync(node, 1);
        return node;
    }

    /// <summary>Waits until <paramref name="node"/> sees <paramref name="members"/> members Up and none unreachable.</summary>
    public Task WaitMembersAsync(NodeProcess node, int members) =>
        WaitUntilAsync($"{node.Name} sees {members} members Up, none unreachable",
            () => node.Status is { } s && s.MembersUp == members && s.Unreachable == 0);

    /// <summary>Waits until <paramref name="node"/> hosts at least one counter (a shard with a k-key moved or was allocated there).</summary>
    public Task WaitHostsCountersAsync(NodeProcess node) =>
        WaitUntilAsync($"{node.Name} hosts a counter", () => node.Status is { CountersHere: > 0 });

    /// <summary>Waits until one of <paramref name="nodes"/> hosts a counter.</summary>
    public Task WaitAnyHostsCountersAsync(IReadOnlyList<NodeProcess> nodes) =>
        WaitUntilAsync($"one of {string.Join(", ", nodes.Select(n => n.Name))} hosts a counter", () => nodes.Any(n => n.Status is { CountersHere: > 0 }));

    /// <summary>Waits until the client has <paramref name="acknowledged"/> increments acknowledged.</summary>
    public Task WaitAcknowledgedAsync(NodeProcess loader, long acknowledged) =>
        WaitUntilAsync($"{loader.Name} has {acknowledged:N0} acknowledged", () => loader.ReadReport() is { } r && r.Acknowledged >= acknowledged);

    /// <summary>Waits until the client's acknowledgements have grown by <paramref name="more"/> from now (the load goes on).</summary>
    public async Task WaitMoreAcknowledgedAsync(NodeProcess loader, long more)
    {
        long now = loader.ReadReport()?.Acknowledged ?? 0;
        await WaitAcknowledgedAsync(loader, now + more);
    }

    /// <summary>Waits until the client finished its finite load.</summary>
    public Task WaitLoadCompleteAsync(NodeProcess loader) =>
        WaitUntilAsync($"{loader.Name} completes its load", () => loader.ReadReport() is { LoadComplete: true }, TimeSpan.FromTicks(Settings.StepTimeout.Ticks * 3));

    /// <summary>The load runs on for <see cref="ChaosSettings.Seconds"/> (the scenario's time under load), nodes watched.</summary>
    public Task RunOnAsync() => WaitUntilAsync($"the load running {Settings.Seconds:0.#} s", DeadlineFrom(TimeSpan.FromSeconds(Settings.Seconds)));

    /// <summary>Stops <paramref name="node"/> as a user would (Ctrl+C or SIGTERM) and checks its exit code (130 or 143).</summary>
    public async Task StopAsync(NodeProcess node, bool interrupt = false)
    {
        _stopped.Add(node);
        Note($"{(interrupt ? "Ctrl+C (SIGINT)" : "SIGTERM")} {node.Name}");
        if (interrupt)
        {
            node.Interrupt();
        }
        else
        {
            node.Terminate();
        }

        int exit = await node.WaitForExitAsync(StopTimeout, CancellationToken);
        int expected = interrupt ? 130 : 143;
        if (exit != expected)
        {
            throw new ScenarioFailedException($"node {node.Name} exited {exit} after {(interrupt ? "SIGINT" : "SIGTERM")}, not {expected}: {node.LastErrors()}");
        }

        if (node.IsLoader && node.ReadReport() is not { Final: true })
        {
            throw new ScenarioFailedException($"client {node.Name} exited without its final report ({node.ReportPath})");
        }
    }

    /// <summary>
    /// Stops every node still running: clients first (Ctrl+C), then the others together (SIGTERM). A node still
    /// frozen is killed first (it could not answer a signal, and it may hold the journal's lock): its report is its
    /// last tick's.
    /// </summary>
    public async Task StopAllAsync()
    {
        foreach (NodeProcess frozen in _nodes.Where(n => n.IsFrozen).ToList())
        {
            Note($"kill -9 {frozen.Name}, frozen to the end");
            frozen.KillHard();
            await frozen.WaitForExitAsync(StopTimeout, CancellationToken);
        }

        foreach (NodeProcess loader in Running().Where(n => n.IsLoader).ToList())
        {
            await StopAsync(loader, interrupt: true);
        }

        await Task.WhenAll(Running().ToList().Select(n => StopAsync(n)));
    }

    /// <summary>
    /// <c>node --read-total</c>: a fresh single node on the journal (nothing else running on it) reads every key.
    /// </summary>
    public async Task<ReadTotalReport> ReadTotalAsync(string label)
    {
        if (Running().Any())
        {
            throw new InvalidOperationException("read-total needs the journal to itself: stop every node first");
        }

        string name = $"read-{label}";
        string report = Path.Combine(Folder, $"{name}.json");
        var arguments = new List<string> { "--read-total", "--keys", Fmt(Settings.Keys), "--report", report };
        arguments.AddRange(Settings.Journal.NodeArguments(DataFolder));
        NodeProcess reader = NodeProcess.Start(Settings, name, 0, Folder, arguments, loader: false);
        _stopped.Add(reader);
        int exit = await reader.WaitForExitAsync(TimeSpan.FromTicks(Settings.StepTimeout.Ticks * 2), CancellationToken);
        await reader.DisposeAsync();
        if (exit != 0 || !File.Exists(report))
        {
            throw new ScenarioFailedException($"node --read-total exited {exit}: {reader.LastErrors()} (see {reader.StderrPath})");
        }

        ReadTotalReport total;
        try
        {
            total = ReadTotalReport.ReadFrom(report);
        }
        catch (InvalidDataException)
        {
            throw new ScenarioFailedException($"node --read-total wrote an empty report {report}");
        }

        Note($"read-total ({label}): total {total.Total:N0}");
        return total;
    }

    /// <summary>After a failed step: kills every node still running (not counted as a scenario's kill).</summary>
    public async Task AbandonAsync()
    {
        foreach (NodeProcess node in _nodes.Where(n => !n.HasExited))
        {
            _stopped.Add(node);
            node.KillHard();
            await node.WaitForExitAsync(StopTimeout, CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _wakeNow.CancelAsync();
        await Task.WhenAll(_thaws);
        _wakeNow.Dispose();
        foreach (NodeProcess node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private string DataFolder => Path.Combine(Folder, "data");

    private IEnumerable<NodeProcess> Running() => _nodes.Where(n => !n.HasExited && !_stopped.Contains(n));

    private Func<bool> DeadlineFrom(TimeSpan span)
    {
        long end = _clock.ElapsedTicks + (long)(span.TotalSeconds * Stopwatch.Frequency);
        return () => _clock.ElapsedTicks >= end;
    }

    /// <summary>
    /// Polls <paramref name="condition"/> (it reads the nodes' newest status lines and report files) until it
    /// holds; fails when the deadline passes or when a node nobody stopped has exited (downed, crashed).
    /// </summary>
    private async Task WaitUntilAsync(string what, Func<bool> condition, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? Settings.StepTimeout;
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (_nodes.FirstOrDefault(n => n.HasExited && !_stopped.Contains(n)) is { } gone)
            {
                throw new ScenarioFailedException($"while waiting until {what}: node {gone.Name} exited {gone.ExitCode} by itself: {gone.LastErrors()}");
            }

            if (waited.Elapsed > limit)
            {
                throw new ScenarioFailedException($"{what}: not within {limit.TotalSeconds:0} s");
            }

            // The nodes report at --status-every; a fifth of it is soon enough to see a change.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(0.2, Settings.StatusEvery / 2)), CancellationToken);
        }
    }

    private static string Fmt(double value) => value.ToString(CultureInfo.InvariantCulture);
}
