namespace ActorConcurrency.Demonstrations.ShardedCounters;

/// <summary>How task 19 loads the striped counter and the sharded counters.</summary>
/// <param name="StripedSeconds">How long each striped-counter section runs.</param>
/// <param name="ShardedIncrements">Increments sent to the sharded counters.</param>
/// <param name="DataFolder">Folder for the SQLite journal; empty for a temporary folder, deleted afterwards.</param>
public sealed record CrossShardSettings(double StripedSeconds, int ShardedIncrements, string DataFolder = "")
{
    /// <summary>How long each striped-counter section runs.</summary>
    public TimeSpan StripedDuration => TimeSpan.FromSeconds(StripedSeconds);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StripedSeconds, 0, nameof(StripedSeconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShardedIncrements, 1, nameof(ShardedIncrements));
        ArgumentNullException.ThrowIfNull(DataFolder);
    }
}
