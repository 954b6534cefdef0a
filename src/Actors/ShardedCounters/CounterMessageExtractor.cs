using Akka.Cluster.Sharding;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>Routes counter messages by key: the entity id is the key, the shard its hash modulo the shard count.</summary>
public sealed class CounterMessageExtractor : HashCodeMessageExtractor
{
    /// <summary>Shards per region: ten per node of a ten-node cluster is plenty for rebalancing.</summary>
    public const int DefaultShardCount = 100;

    /// <summary>Creates the extractor.</summary>
    public CounterMessageExtractor(int shardCount = DefaultShardCount)
        : base(shardCount)
    {
    }

    /// <inheritdoc />
    public override string? EntityId(object message) => (message as ShardedCounterProtocol.IKeyed)?.Key;
}
