using ActorConcurrency.Chaos;
using Xunit.Abstractions;

namespace ActorConcurrency.CrashHarness;

/// <summary>
/// Issue 11's crash scenarios on SQLite, each a cluster of real <c>node</c> processes on 127.0.0.1 sharing one
/// journal file: after each, a fresh node reads every counter back, and nothing acknowledged may be missing
/// and nothing may be counted twice.
/// </summary>
public sealed class SqliteCrashSpec
{
    private readonly ITestOutputHelper _output;

    public SqliteCrashSpec(ITestOutputHelper output) => _output = output;

    [CrashFact("three-nodes")]
    public Task A_three_node_cluster_counts_a_finished_load_exactly_once() => RunAsync("three-nodes");

    [CrashFact("return-move", InShortForm = true)]
    public Task Counters_that_move_back_to_a_node_that_wrote_them_before_keep_every_acknowledged_increment() => RunAsync("return-move");

    [CrashFact("kill-loader")]
    public Task A_killed_client_keeps_everything_it_had_acknowledged() => RunAsync("kill-loader");

    [CrashFact("kill-seed", InShortForm = true)]
    public Task Killing_the_seed_under_load_loses_nothing_and_the_client_finishes_exactly_once() => RunAsync("kill-seed");

    [CrashFact("kill-shard-host")]
    public Task Killing_nodes_that_host_counters_under_load_loses_nothing() => RunAsync("kill-shard-host");

    [CrashFact("clean-leave")]
    public Task A_clean_leave_under_load_hands_off_without_loss_or_double_counting() => RunAsync("clean-leave");

    [CrashFact("restart-all")]
    public Task Restarting_every_node_on_the_same_journal_keeps_both_loads() => RunAsync("restart-all");

    // SQLite: a process frozen inside a write keeps the file's only write lock; the survivors must name it on their
    // status lines and acknowledge again once it lets go (woken, or killed when frozen for ever).
    [CrashFact("freeze-oldest")]
    public Task Freezing_the_oldest_inside_a_write_is_named_as_the_lock_holder_and_nothing_is_lost_or_counted_twice() => RunAsync("freeze-oldest");

    [CrashFact("freeze-shard-host")]
    public Task Freezing_a_shard_host_inside_a_write_is_named_as_the_lock_holder() => RunAsync("freeze-shard-host");

    [CrashFact("freeze-loader")]
    public Task Freezing_a_loading_client_inside_a_write_is_named_as_the_lock_holder() => RunAsync("freeze-loader");

    // A real partition (Akka.Remote's throttler adapter drops the messages) between living nodes that all keep the journal.
    [CrashFact("partition", InShortForm = true)]
    public Task A_partitioned_node_without_the_oldest_downs_itself_and_nothing_is_counted_twice_while_both_sides_write() => RunAsync("partition");

    [CrashFact("partition-one-way")]
    public Task A_one_way_partition_downs_the_node_whose_messages_are_lost() => RunAsync("partition-one-way");

    [CrashFact("partition-oldest")]
    public Task An_oldest_cut_off_alone_downs_itself_and_the_others_go_on() => RunAsync("partition-oldest");

    private async Task RunAsync(string scenario) =>
        CrashRun.AssertNothingLostNorCountedTwice(await CrashRun.RunAsync(scenario, ChaosJournal.Sqlite, _output));
}
