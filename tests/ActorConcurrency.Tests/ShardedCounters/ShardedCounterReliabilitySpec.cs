using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Tests.Support;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Xunit.Abstractions;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// Task 19's reliability specs: a burst sent before the node is ready, a restart on the same SQLite file,
/// and the loss of one of three nodes while increments flow.
/// </summary>
[Collection(InProcessClusterCollection.Name)]
public sealed class ShardedCounterReliabilitySpec
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(30);
    private readonly ITestOutputHelper _output;

    public ShardedCounterReliabilitySpec(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_burst_of_1_000_000_increments_sent_the_moment_a_node_starts_totals_exactly_1_000_000_with_the_in_memory_journal()
    {
        // The in-memory journal: this spec is about not dropping messages at start-up, not about disk speed
        // (the restart and node-loss specs below exercise SQLite; the demonstration prints SQLite's rate).
        string[] keys = Enumerable.Range(0, 16).Select(i => $"burst-{i}").ToArray();

        // The node returns before it has joined or found its coordinator; the burst starts at once. The
        // client's window (64 batches of 1,000) is all the region ever buffers, far below its 100,000 limit.
        await using ShardedCounterNode node = await ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions
        {
            Journal = JournalKind.InMemory,
            AwaitReadiness = false,
        });
        IncrementReport report = await AcknowledgedIncrements.SendAsync(node.Region, keys, 1_000_000, batchSize: 1_000, window: 64, Ask);

        TotalRead total = await new MonotonicTotalReader(node.Region, keys, Ask).ReadAsync();
        _output.WriteLine($"sent {report.Sent} in {report.Batches} batches, acknowledged {report.Acknowledged}, total {total.Total}");
        Assert.Equal(1_000_000, report.Acknowledged);
        Assert.Equal(1_000_000, total.Gathered);
    }

    [Fact]
    public async Task A_node_restarted_on_the_same_sqlite_file_has_every_total_back()
    {
        using var data = new TempDataFolder();
        await RestartKeepsTotalsAsync(new ShardedCounterNodeOptions { DataFolder = data.Path }, _output);
    }

    /// <summary>Shared with the PostgreSQL spec: increments, a clean stop, a new node on the same journal.</summary>
    internal static async Task RestartKeepsTotalsAsync(ShardedCounterNodeOptions options, ITestOutputHelper output)
    {
        string run = Guid.NewGuid().ToString("N")[..8]; // fresh keys: a shared database may hold earlier runs
        string[] keys = Enumerable.Range(0, 6).Select(i => $"restart-{run}-{i}").ToArray();
        IncrementReport report;
        await using (ShardedCounterNode first = await ShardedCounterNode.StartAsync(options))
        {
            report = await AcknowledgedIncrements.SendAsync(first.Region, keys, 12_000, batchSize: 100, window: 16, Ask);
            await first.ShutdownAsync();
        }

        await using ShardedCounterNode second = await ShardedCounterNode.StartAsync(options);
        var counts = await Task.WhenAll(keys.Select(k => second.Region.Ask<ShardedCounterProtocol.Count>(new ShardedCounterProtocol.GetCount(k), Ask)));
        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
        Assert.Equal(12_000, report.Acknowledged);
        Assert.All(counts, c => Assert.Equal(report.AcknowledgedPerKey[c.Key], c.Value));
    }

    [Fact]
    public async Task After_losing_one_of_three_nodes_every_acknowledged_increment_is_in_the_total_and_none_is_invented()
    {
        using var data = new TempDataFolder();
        string[] keys = Enumerable.Range(0, 12).Select(i => $"loss-{i}").ToArray();
        Config crashable = ShardedCounterNode.CrashableOverrides;

        await using ShardedCounterNode first = await ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions { DataFolder = data.Path });
        string seed = $"{first.Address.Host}:{first.Address.Port}";
        await using ShardedCounterNode second = await ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions { DataFolder = data.Path, Seeds = [seed] });
        ShardedCounterNode third = await ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions { DataFolder = data.Path, Seeds = [seed], Overrides = crashable });

        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Address lost = third.Address;
        IActorRef watcher = first.System.ActorOf(Props.Create(() => new MemberRemovedWatcher(lost, removed)));

        // Increments flow from the first node; when 3,000 are acknowledged the third node crashes (no leave).
        var crashPoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task crash = crashPoint.Task.ContinueWith(_ => third.CrashAsync(), TaskScheduler.Default).Unwrap();
        using var deadline = new CancellationTokenSource(InProcessClusterCollection.LoadDeadline);
        IncrementReport report = await AcknowledgedIncrements.SendAsync(
            first.Region, keys, 12_000, batchSize: 40, window: 16, ackTimeout: TimeSpan.FromSeconds(3),
            onAcknowledged: acknowledged =>
            {
                if (acknowledged >= 3_000)
                {
                    crashPoint.TrySetResult();
                }
            },
            cancellationToken: deadline.Token);
        Assert.False(deadline.IsCancellationRequested, $"the two nodes left did not take over the lost node's counters within {InProcessClusterCollection.LoadDeadline}: {report.Unacknowledged} increments unacknowledged");
        await crash;
        await removed.Task.WaitAsync(TimeSpan.FromSeconds(60)); // downed by the split-brain resolver, shards free to move

        var reader = new MonotonicTotalReader(first.Region, keys, Ask);
        TotalRead total = await reader.ReadAsync();
        var counts = await Task.WhenAll(keys.Select(k => second.Region.Ask<ShardedCounterProtocol.Count>(new ShardedCounterProtocol.GetCount(k), Ask)));
        _output.WriteLine($"sent {report.Sent}, acknowledged {report.Acknowledged}, unacknowledged {report.Unacknowledged}, total {total.Total}");
        first.System.Stop(watcher);

        Assert.InRange(total.Total, report.Acknowledged, report.Sent);
        Assert.All(counts, c => Assert.True(c.Value >= report.AcknowledgedPerKey.GetValueOrDefault(c.Key), $"{c.Key}: {c.Value} < acknowledged"));
        Assert.Equal(total.Total, counts.Sum(c => c.Value));
    }
}
