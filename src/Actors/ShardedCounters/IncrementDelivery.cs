namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>What <see cref="AcknowledgedIncrements"/> does with a batch whose acknowledgement does not arrive.</summary>
public enum IncrementDelivery
{
    /// <summary>
    /// Retries it (same batch id) until it is acknowledged; the counter recognises a batch it already counted,
    /// so a living client ends with sent = acknowledged = total. The default.
    /// </summary>
    ExactlyOnce,

    /// <summary>
    /// Gives up on it and reports it unacknowledged: it is in the total at most once (it may have been written
    /// just before its node died). No ids travel and the counters remember nothing per client: the form for
    /// measuring the bare write path, or for a client that cannot wait.
    /// </summary>
    AtMostOnce,
}
