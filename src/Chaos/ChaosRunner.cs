using System.Diagnostics;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Chaos.Scenarios;

namespace ActorConcurrency.Chaos;

/// <summary>
/// Runs crash scenarios against real node processes: each in a folder of its own (kept when it did not
/// hold), on the journal of the settings; stops every node left running, reads the total back with a fresh
/// node and returns what was measured. Scenarios run one after another (they share the keys of a PostgreSQL
/// database, and two clusters on two cores would time each other out).
/// </summary>
public sealed class ChaosRunner
{
    /// <summary>Every scenario, in the order <c>chaos</c> runs them.</summary>
    public static IReadOnlyList<ChaosScenario> Scenarios { get; } =
    [
        new ThreeNodesScenario(),
        new ReturnMoveScenario(),
        new KillLoaderScenario(),
        new KillSeedScenario(),
        new KillShardHostScenario(),
        new CleanLeaveScenario(),
        new RestartAllScenario(),
        new FreezeOldestScenario(),
        new FreezeShardHostScenario(),
        new FreezeLoaderScenario(),
        new PartitionShardHostScenario(),
        new PartitionOneWayScenario(),
        new PartitionOldestScenario(),
    ];

    private readonly FreePorts _ports = new();
    private readonly ChaosSettings _settings;
    private readonly Action<string>? _log;

    /// <summary>
    /// The nodes' down-removal margin: with the split-brain resolver, Akka's follows its <c>stable-after</c>, which
    /// hocon/cluster.conf sets for every node. Read by a runner, not by the type: every host command lists the
    /// scenarios, and only <c>chaos</c> needs the margin.
    /// </summary>
    private readonly TimeSpan _downRemovalMargin;

    public ChaosRunner(ChaosSettings settings, Action<string>? log = null)
    {
        _settings = settings;
        _log = log;
        _downRemovalMargin = HoconConfig.Load("cluster.conf").Config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after");
    }

    /// <summary>
    /// The fault as the survivors' reports have it: its time to downing is the latest, among the nodes that were neither
    /// killed nor frozen, of the first moment each saw the faulted node down or removed after the fault began (the time
    /// the scenario saw it on their status lines can be late by as long as a status line waits for a slow region); on
    /// SQLite, when a survivor first named the faulted node's pid as the journal's lock holder.
    /// </summary>
    internal static FaultEvent AsSurvivorsSawIt(FaultEvent fault, IEnumerable<NodeProcess> nodes)
    {
        NodeProcess? victim = nodes.FirstOrDefault(n => n.Name == fault.Node);
        if (victim is null)
        {
            return fault;
        }

        string member = $"127.0.0.1:{victim.Port}";
        var downed = new List<DateTimeOffset>();
        var named = new List<DateTimeOffset>();
        foreach (NodeProcess survivor in nodes.Where(n => n != victim && n.KilledAt is null && n.FrozenAt is null && n.Port != 0))
        {
            if (survivor.ReadReport() is not { } report)
            {
                continue;
            }

            if (report.MemberEvents.FirstOrDefault(e => e.Member == member && e.Event is "down" or "removed" && e.At >= fault.At) is { } seen)
            {
                downed.Add(seen.At);
            }

            if (fault.Pid > 0 && report.JournalLocks.FirstOrDefault(l => l.Pid == fault.Pid) is { } locked)
            {
                // Printed once it had been held for JournalLock.ReportedAfter; held since before the freeze at the earliest.
                DateTimeOffset from = locked.From < fault.At ? fault.At : locked.From;
                named.Add(from + JournalLock.ReportedAfter);
            }
        }

        return fault with
        {
            DownedAt = downed.Count == 0 ? fault.DownedAt : downed.Max(),
            LockNamedAt = named.Count == 0 ? null : named.Min(),
        };
    }

    /// <summary>The scenario named <paramref name="name"/>, or null.</summary>
    public static ChaosScenario? Find(string name) => Scenarios.FirstOrDefault(s => s.Name == name);

    public async Task<ScenarioOutcome> RunAsync(ChaosScenario scenario, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string folder = Path.Combine(_settings.WorkRoot, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{scenario.Name}-{_settings.Journal.Kind}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(folder);
        string? failure = null;
        ReadTotalReport? recovered = null;
        ScenarioOutcome outcome;
        await using (var cluster = new ChaosCluster(_settings, folder, _ports, cancellationToken, _log is null ? null : text => _log($"{scenario.Name}: {text}")))
        {
            try
            {
                // A shared database holds earlier runs' counts on the same keys: measure from what is there now.
                ReadTotalReport? baseline = _settings.Journal.IsShared ? await cluster.ReadTotalAsync("before") : null;
                try
                {
                    await scenario.RunAsync(cluster);
                    await cluster.StopAllAsync();
                }
                catch (ScenarioFailedException ex)
                {
                    failure = ex.Message;
                    cluster.Note($"FAILED: {ex.Message}");
                    await cluster.AbandonAsync();
                }

                ReadTotalReport after = await cluster.ReadTotalAsync("after");
                recovered = baseline is null ? after : after.Minus(baseline);
            }
            catch (ScenarioFailedException ex)
            {
                failure ??= ex.Message;
                await cluster.AbandonAsync();
            }

            outcome = new ScenarioOutcome
            {
                Scenario = scenario.Name,
                Description = scenario.Description,
                Journal = _settings.Journal.Kind,
                ExactlyOnce = _settings.ExactlyOnce,
                ExpectsExactTotal = scenario.ExpectsExactTotal,
                Clients = cluster.Nodes.Where(n => n.IsLoader)
                    .Select(n => new ClientOutcome(n.Name, n.ReadReport() ?? new NodeReport { Node = n.Name }, n.KilledAt is not null)
                    {
                        Frozen = n.FrozenAt is not null,
                        Downed = n.ExitCode == 5,
                    })
                    .ToList(),
                Faults = cluster.Faults.Select(f => AsSurvivorsSawIt(f, cluster.Nodes)).ToList(),
                Recovered = recovered,
                Events = cluster.Events,
                Failure = failure,
                Folder = folder,
                Duration = clock.Elapsed,
                AckTimeoutSeconds = _settings.AckTimeout,
                DownRemovalMarginSeconds = _downRemovalMargin.TotalSeconds,
            };
        }

        if (outcome.Held && !_settings.KeepLogs)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held a moment after its node exited: the temp cleaner gets it; the outcome stands.
            }
        }

        return outcome;
    }
}
