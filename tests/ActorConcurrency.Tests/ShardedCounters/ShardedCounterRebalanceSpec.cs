using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Tests.Support;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.TestKit.Xunit2;
using Xunit.Abstractions;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// Task 19: a second node joins a node that holds every shard; shards rebalance onto it and every count
/// stays exactly what was acknowledged, read through either node.
/// </summary>
[Collection(InProcessClusterCollection.Name)]
public sealed class ShardedCounterRebalanceSpec : TestKit
{
    /// <summary>Rebalance every second (default 10 s) so the spec does not wait for the default interval.</summary>
    private static readonly Config FastRebalance = ConfigurationFactory.ParseString("akka.cluster.sharding.rebalance-interval = 1s");

    private readonly ITestOutputHelper _output;

    public ShardedCounterRebalanceSpec(ITestOutputHelper output)
        : base(HoconConfig.Base, output: output) => _output = output;

    [Fact]
    public async Task Shards_move_to_a_joining_node_and_every_count_stays_exact()
    {
        using var data = new TempDataFolder();
        string[] keys = Enumerable.Range(0, 20).Select(i => $"rebalance-{i}").ToArray();
        await using ShardedCounterNode first = await ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions { DataFolder = data.Path, Overrides = FastRebalance });
        IncrementReport before = await AcknowledgedIncrements.SendAsync(first.Region, keys, 10_000, batchSize: 50, window: 16, TimeSpan.FromSeconds(30));

        await using ShardedCounterNode second = await ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions
        {
            DataFolder = data.Path,
            Seeds = [$"{first.Address.Host}:{first.Address.Port}"],
            Overrides = FastRebalance,
        });

        // Load keeps flowing while shards move; the region buffers messages for a shard in hand-off.
        IncrementReport during = await AcknowledgedIncrements.SendAsync(second.Region, keys, 4_000, batchSize: 50, window: 16, TimeSpan.FromSeconds(30));

        int shardsOnSecond = 0;
        await AwaitAssertAsync(async () =>
        {
            var state = await second.Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5));
            shardsOnSecond = state.Shards.Count;
            Assert.True(shardsOnSecond > 0, "no shard has moved to the joining node yet");
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));

        var viaFirst = await Task.WhenAll(keys.Select(k => first.Region.Ask<ShardedCounterProtocol.Count>(new ShardedCounterProtocol.GetCount(k), TimeSpan.FromSeconds(30))));
        var viaSecond = await Task.WhenAll(keys.Select(k => second.Region.Ask<ShardedCounterProtocol.Count>(new ShardedCounterProtocol.GetCount(k), TimeSpan.FromSeconds(30))));
        _output.WriteLine($"{shardsOnSecond} shards on the joining node; total {viaFirst.Sum(c => c.Value)} of {before.Acknowledged + during.Acknowledged} acknowledged");

        Assert.Equal(14_000, before.Acknowledged + during.Acknowledged);
        Assert.All(viaFirst, c => Assert.Equal(before.AcknowledgedPerKey[c.Key] + during.AcknowledgedPerKey[c.Key], c.Value));
        Assert.Equal(viaFirst, viaSecond);
    }
}
