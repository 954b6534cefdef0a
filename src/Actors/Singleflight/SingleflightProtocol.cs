namespace ActorConcurrency.Actors.Singleflight;

/// <summary>
/// The messages of <see cref="SingleflightCoordinator{TKey,TValue}"/>. <see cref="Do{TKey,TValue}"/> carries a
/// delegate, so the coordinator is a local actor (a delegate does not cross the network).
/// </summary>
public static class SingleflightProtocol
{
    /// <summary>
    /// Asks for the value of <see cref="Key"/>: the sender joins the flight in progress or starts one that
    /// runs <see cref="Compute"/> (outside the actor). The reply is <see cref="Result{TKey,TValue}"/>, or
    /// <see cref="Akka.Actor.Status.Failure"/> carrying the compute's own exception, so <c>Ask</c> throws it. A
    /// compute that was canceled (threw <see cref="OperationCanceledException"/> or returned a canceled task)
    /// fails with that <see cref="OperationCanceledException"/>: an actor waiter tells it from a fault by the
    /// cause's type, and <see cref="SingleflightAsk.DoAsync{TKey,TValue}"/> hands it out as a canceled task,
    /// as the shared-memory forms do (a bare <c>Ask</c> can only fault).
    /// </summary>
    public sealed record Do<TKey, TValue>
        where TKey : notnull
    {
        /// <summary>Creates the request.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="compute"/> is null.</exception>
        public Do(TKey key, Func<Task<TValue>> compute)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(compute);
            Key = key;
            Compute = compute;
        }

        /// <summary>The key of the flight.</summary>
        public TKey Key { get; }

        /// <summary>
        /// Runs once per flight. The coordinator calls it: its synchronous part runs on the coordinator's thread, so
        /// a compute that blocks before returning its task holds every key's requests until it returns (hand such work
        /// to <c>Task.Run</c>); after its first incomplete await it runs wherever that await resumes.
        /// </summary>
        public Func<Task<TValue>> Compute { get; }
    }

    /// <summary>The value of a flight, sent to each of its waiters.</summary>
    /// <param name="Key">The key of the flight.</param>
    /// <param name="Value">The value its compute returned.</param>
    /// <param name="Shared">
    /// Go's <c>shared</c>: true for every waiter that joined the flight, and for the waiter that started it when
    /// at least one other joined before it ended; false only for a leader that was alone.
    /// </param>
    public sealed record Result<TKey, TValue>(TKey Key, TValue Value, bool Shared);

    /// <summary>Forgets the flight in progress for <paramref name="Key"/>; the reply is <see cref="Forgotten{TKey}"/>.</summary>
    public sealed record Forget<TKey>(TKey Key);

    /// <summary>
    /// Acknowledges <see cref="Forget{TKey}"/>: later requests for the key start a fresh flight, while the
    /// forgotten flight's waiters still get its result.
    /// </summary>
    /// <param name="Key">The key.</param>
    /// <param name="WasInFlight">Whether a flight was in progress for it.</param>
    public sealed record Forgotten<TKey>(TKey Key, bool WasInFlight);

    /// <summary>
    /// Go's internal <c>ForgetUnshared</c>: forgets the flight in progress for <paramref name="Key"/> only when no
    /// other sender has joined it (its leader alone waits). The reply is <see cref="UnsharedForgotten{TKey}"/>.
    /// </summary>
    public sealed record ForgetUnshared<TKey>(TKey Key);

    /// <summary>Answers <see cref="ForgetUnshared{TKey}"/>, as of every message processed before it.</summary>
    /// <param name="Key">The key.</param>
    /// <param name="Forgotten">
    /// True when the key was forgotten (later requests start a fresh flight) or had no flight in progress; false
    /// when other senders wait on its flight, which then stays current.
    /// </param>
    public sealed record UnsharedForgotten<TKey>(TKey Key, bool Forgotten);

    /// <summary>Asks how many senders wait on the flight in progress for <paramref name="Key"/>; the reply is <see cref="WaiterCount{TKey}"/>.</summary>
    public sealed record GetWaiterCount<TKey>(TKey Key);

    /// <summary>
    /// How many senders wait on the current flight for <paramref name="Key"/> (0 when none is in progress),
    /// as of every message the coordinator processed before the <see cref="GetWaiterCount{TKey}"/>.
    /// </summary>
    public sealed record WaiterCount<TKey>(TKey Key, int Count);

    /// <summary>The failure each waiter gets when the coordinator stops with its flight still in progress.</summary>
    public sealed class CoordinatorStoppedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public CoordinatorStoppedException()
            : base("The singleflight coordinator stopped before the flight completed.")
        {
        }

        /// <summary>Creates the exception with a message.</summary>
        public CoordinatorStoppedException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with a message and an inner exception.</summary>
        public CoordinatorStoppedException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
