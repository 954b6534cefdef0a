using ActorConcurrency.Host.Chaos;
using Xunit.Abstractions;

namespace ActorConcurrency.CrashHarness;

/// <summary>
/// The crash scenarios on PostgreSQL (skipped, with the reason, without a server). The database is shared
/// with earlier runs, so each scenario measures from a reading taken before it starts.
/// </summary>
public sealed class PostgresCrashSpec
{
    private readonly ITestOutputHelper _output;

    public PostgresCrashSpec(ITestOutputHelper output) => _output = output;

    [PostgresFact]
    public Task Counters_that_move_back_to_a_node_that_wrote_them_before_keep_every_acknowledged_increment() => RunAsync("return-move");

    [PostgresFact]
    public Task Killing_nodes_that_host_counters_under_load_loses_nothing() => RunAsync("kill-shard-host");

    [PostgresFact]
    public Task Killing_the_seed_under_load_loses_nothing_and_the_client_finishes_exactly_once() => RunAsync("kill-seed");

    [PostgresFact]
    public Task Restarting_every_node_on_the_same_journal_keeps_both_loads() => RunAsync("restart-all");

    private async Task RunAsync(string scenario) =>
        CrashRun.AssertNothingLostNorCountedTwice(
            await CrashRun.RunAsync(scenario, ChaosJournal.Postgres(PostgresFactAttribute.ConnectionString!), _output));
}
