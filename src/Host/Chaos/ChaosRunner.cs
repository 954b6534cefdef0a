using System.Diagnostics;
using ActorConcurrency.Host.Chaos.Scenarios;
using ActorConcurrency.Host.Node;

namespace ActorConcurrency.Host.Chaos;

/// <summary>
/// Runs crash scenarios against real node processes: each in a folder of its own (kept when it did not
/// hold), on the journal of the settings; stops every node left running, reads the total back with a fresh
/// node and returns what was measured. Scenarios run one after another (they share the keys of a PostgreSQL
/// database, and two clusters on two cores would time each other out).
/// </summary>
internal sealed class ChaosRunner
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
    ];

    private readonly FreePorts _ports = new();
    private readonly ChaosSettings _settings;
    private readonly Action<string>? _log;

    public ChaosRunner(ChaosSettings settings, Action<string>? log = null)
    {
        _settings = settings;
        _log = log;
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
                    .Select(n => new ClientOutcome(n.Name, n.ReadReport() ?? new NodeReport { Node = n.Name }, n.KilledAt is not null) { Frozen = n.FrozenAt is not null })
                    .ToList(),
                Faults = cluster.Faults,
                Recovered = recovered,
                Events = cluster.Events,
                Failure = failure,
                Folder = folder,
                Duration = clock.Elapsed,
                AckTimeoutSeconds = _settings.AckTimeout,
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
