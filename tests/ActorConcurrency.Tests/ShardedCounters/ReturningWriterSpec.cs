using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Tests.Support;
using Akka.Actor;
using Xunit.Abstractions;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// The loss of issue 11: a counter written on node A, then on node B, then on A again (a shard that moves
/// away and comes back) must replay every event. Akka.Persistence.Sql stamps each row with its journal's
/// writer id (one per node, not one per entity incarnation), so A's second stretch of events looks like an
/// old writer coming back after a newer one, and Akka's default replay filter discards it on recovery.
/// </summary>
[Collection(InProcessClusterCollection.Name)]
public sealed class ReturningWriterSpec
{
    private static readonly TimeSpan Ask = TimeSpan.FromSeconds(30);
    private readonly ITestOutputHelper _output;

    public ReturningWriterSpec(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_counter_written_on_A_then_B_then_A_again_replays_every_acknowledged_increment()
    {
        using var data = new TempDataFolder();
        await ReturningWriterReplaysEverythingAsync(new ShardedCounterNodeOptions { DataFolder = data.Path });
    }

    [PostgresFact]
    public Task On_postgres_a_counter_written_on_A_then_B_then_A_again_replays_every_acknowledged_increment() =>
        ReturningWriterReplaysEverythingAsync(
            new ShardedCounterNodeOptions { Journal = JournalKind.Postgres, ConnectionString = PostgresFactAttribute.ConnectionString });

    private async Task ReturningWriterReplaysEverythingAsync(ShardedCounterNodeOptions options)
    {
        string key = "returning-" + Guid.NewGuid().ToString("N")[..8]; // a shared database may hold earlier runs
        long acknowledged = 0;

        // Two nodes on one journal, each a cluster of its own: the entity is created by hand on one, then the
        // other, as a shard hand-off would (one incarnation at a time, each stopped before the next starts).
        await using (ShardedCounterNode a = await ShardedCounterNode.StartAsync(options))
        await using (ShardedCounterNode b = await ShardedCounterNode.StartAsync(options))
        {
            foreach (ShardedCounterNode writer in new[] { a, b, a })
            {
                acknowledged += await WriteAndStopAsync(writer.System, key, amount: 10, times: 3);
            }
        }

        await using ShardedCounterNode fresh = await ShardedCounterNode.StartAsync(options);
        var count = await fresh.Region.Ask<ShardedCounterProtocol.Count>(new ShardedCounterProtocol.GetCount(key), Ask);
        _output.WriteLine($"acknowledged {acknowledged}, replayed on a fresh node {count.Value}");
        Assert.Equal(90, acknowledged);
        Assert.Equal(acknowledged, count.Value);
    }

    private static async Task<long> WriteAndStopAsync(ActorSystem system, string key, long amount, int times)
    {
        IActorRef counter = system.ActorOf(CounterEntity.Props(key));
        long acknowledged = 0;
        for (int i = 0; i < times; i++)
        {
            var added = await counter.Ask<ShardedCounterProtocol.Added>(new ShardedCounterProtocol.Add(key, amount), Ask);
            acknowledged += added.Amount;
        }

        await counter.GracefulStop(Ask, ShardedCounterProtocol.HandOffStop.Instance);
        return acknowledged;
    }
}
