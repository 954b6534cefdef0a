namespace ActorConcurrency.SharedState.Connection;

/// <summary>
/// Task 18, first form: the state behind a <see cref="Lock"/>. Check and write happen in one critical
/// section, so two requests can never both see Idle and both leave it. The lock is also the natural place
/// for a side effect that must happen exactly once per transition (it runs under the same lock), which is
/// the strength of this form, and its weakness when the side effect is slow.
/// </summary>
public sealed class LockedConnection : IConnectionLifecycle
{
    private readonly Lock _lock = new();
    private readonly Action<TransitionOutcome>? _onTransition;

    /// <summary>Written under <see cref="_lock"/>; read without it (an aligned enum write is atomic, and <c>volatile</c> publishes it).</summary>
    private volatile ConnectionState _state = ConnectionState.Idle;

    /// <summary>Written under <see cref="_lock"/> only, after <see cref="_state"/>.</summary>
    private long _transitions;

    /// <summary>Creates a connection in <see cref="ConnectionState.Idle"/>.</summary>
    /// <param name="onTransition">Runs under the lock after each accepted transition, in transition order.</param>
    public LockedConnection(Action<TransitionOutcome>? onTransition = null) => _onTransition = onTransition;

    /// <inheritdoc />
    public ConnectionState State => _state;

    /// <inheritdoc />
    public long Transitions => Volatile.Read(ref _transitions);

    /// <inheritdoc />
    public TransitionOutcome Request(ConnectionRequest request)
    {
        ConnectionLifecycle.ThrowIfUndefined(request);
        lock (_lock)
        {
            TransitionOutcome outcome = ConnectionLifecycle.Apply(_state, request, _transitions);
            if (outcome.Accepted)
            {
                _state = outcome.To;
                Volatile.Write(ref _transitions, outcome.Sequence);
                _onTransition?.Invoke(outcome);
            }

            return outcome;
        }
    }
}
