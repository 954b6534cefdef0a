namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>How <see cref="AcknowledgedIncrements"/> sends a load; every member has a working default.</summary>
public sealed record IncrementLoadOptions
{
    /// <summary>Increments per message (one journal event each).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>
    /// Most batches unacknowledged at once, and, with <see cref="IncrementDelivery.ExactlyOnce"/>, the furthest a
    /// new batch's number may run ahead of the oldest unacknowledged one (at most <see cref="MaxWindow"/>).
    /// </summary>
    public int Window { get; init; } = 32;

    /// <summary>How long one attempt waits for its acknowledgement before it is retried (or given up).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The pause before the first retry of a batch; it doubles per retry up to <see cref="MaxRetryBackoff"/>.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest pause between two attempts of one batch.</summary>
    public TimeSpan MaxRetryBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>After a stop, how long attempts already in flight may still be acknowledged (no new attempt starts).</summary>
    public TimeSpan DrainOnStop { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Retry until acknowledged (the default), or give up after one attempt.</summary>
    public IncrementDelivery Delivery { get; init; } = IncrementDelivery.ExactlyOnce;

    /// <summary>The client's identity in batch ids: unique per sending run (a new one each time by default).</summary>
    public string ClientId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>The widest window a counter accepts.</summary>
    public const int MaxWindow = AppliedBatches.MaxWindow;

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size, window or time out of range.</exception>
    /// <exception cref="ArgumentException">An empty client id.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 1, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Window, MaxWindow, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AckTimeout, TimeSpan.Zero, nameof(AckTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBackoff, TimeSpan.Zero, nameof(RetryBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryBackoff, RetryBackoff, nameof(MaxRetryBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(DrainOnStop, TimeSpan.Zero, nameof(DrainOnStop));
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientId, nameof(ClientId));
    }
}
