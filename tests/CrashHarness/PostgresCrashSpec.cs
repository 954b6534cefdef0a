using ActorConcurrency.Chaos;
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

    [CrashFact("three-nodes", Postgres = true)]
    public Task A_three_node_cluster_counts_a_finished_load_exactly_once() => RunAsync("three-nodes");

    [CrashFact("return-move", Postgres = true, InShortForm = true)]
    public Task Counters_that_move_back_to_a_node_that_wrote_them_before_keep_every_acknowledged_increment() => RunAsync("return-move");

    [CrashFact("kill-loader", Postgres = true)]
    public Task A_killed_client_keeps_everything_it_had_acknowledged() => RunAsync("kill-loader");

    [CrashFact("kill-seed", Postgres = true)]
    public Task Killing_the_seed_under_load_loses_nothing_and_the_client_finishes_exactly_once() => RunAsync("kill-seed");

    [CrashFact("kill-shard-host", Postgres = true)]
    public Task Killing_nodes_that_host_counters_under_load_loses_nothing() => RunAsync("kill-shard-host");

    [CrashFact("clean-leave", Postgres = true)]
    public Task A_clean_leave_under_load_hands_off_without_loss_or_double_counting() => RunAsync("clean-leave");

    [CrashFact("restart-all", Postgres = true)]
    public Task Restarting_every_node_on_the_same_journal_keeps_both_loads() => RunAsync("restart-all");

    [CrashFact("freeze-oldest", Postgres = true, InShortForm = true)]
    public Task Freezing_the_oldest_inside_a_journal_write_leaves_the_others_acknowledging_and_counts_its_writes_once() => RunAsync("freeze-oldest");

    [CrashFact("freeze-shard-host", Postgres = true)]
    public Task Freezing_a_shard_host_inside_a_journal_write_leaves_the_others_acknowledging() => RunAsync("freeze-shard-host");

    [CrashFact("freeze-loader", Postgres = true)]
    public Task Freezing_a_loading_client_leaves_the_other_client_acknowledged_exactly_once() => RunAsync("freeze-loader");

    // A real partition (Akka.Remote's throttler adapter drops the messages) between living nodes that all keep the journal.
    [CrashFact("partition", Postgres = true)]
    public Task A_partitioned_node_without_the_oldest_downs_itself_and_nothing_is_counted_twice_while_both_sides_write() => RunAsync("partition");

    [CrashFact("partition-one-way", Postgres = true)]
    public Task A_one_way_partition_downs_the_node_whose_messages_are_lost() => RunAsync("partition-one-way");

    [CrashFact("partition-oldest", Postgres = true)]
    public Task An_oldest_cut_off_alone_downs_itself_and_the_others_go_on() => RunAsync("partition-oldest");

    private async Task RunAsync(string scenario) =>
        CrashRun.AssertNothingLostNorCountedTwice(
            await CrashRun.RunAsync(scenario, ChaosJournal.Postgres(CrashFactAttribute.ConnectionString!), _output));
}
