using System.Diagnostics;

namespace ActorConcurrency.SharedState.Connection;

/// <summary>
/// Task 18, second form: a compare-and-swap loop on one integer word. The word packs the state (low
/// <see cref="StateBits"/> bits) with the number of transitions made so far (the high bits), so one
/// <see cref="Interlocked.CompareExchange(ref long,long,long)"/> both checks the edge's source state and
/// claims the transition's place in the history: two requests that both read Idle race on the same word and
/// exactly one CAS succeeds; the loser re-reads and is rejected with the state it then sees. The count also
/// rules out ABA (Idle → Connecting → Idle looks like no change to a bare state word).
/// Nothing runs "inside" the transition: a side effect must run after it, and may observe a later state.
/// </summary>
public sealed class CasConnection : IConnectionLifecycle
{
    /// <summary>How many low bits hold the state (5 states fit in 3).</summary>
    public const int StateBits = 3;

    private const long StateMask = (1L << StateBits) - 1;

    /// <summary>State in the low bits, transition count above; written only by CompareExchange.</summary>
    private long _word = Pack(ConnectionState.Idle, 0);

    /// <inheritdoc />
    public ConnectionState State => StateOf(Volatile.Read(ref _word));

    /// <inheritdoc />
    public long Transitions => Volatile.Read(ref _word) >> StateBits;

    /// <inheritdoc />
    public TransitionOutcome Request(ConnectionRequest request)
    {
        ConnectionLifecycle.ThrowIfUndefined(request);
        (ConnectionState from, ConnectionState to) = ConnectionLifecycle.EdgeOf(request);
        long seen = Volatile.Read(ref _word);
        while (true)
        {
            ConnectionState observed = StateOf(seen);
            if (observed != from)
            {
                // Illegal from what we saw: reject with it. Another request may change the state right after,
                // but at the moment of this read the rejection was the correct sequential answer.
                return TransitionOutcome.Reject(request, observed);
            }

            long sequence = (seen >> StateBits) + 1;
            long witness = Interlocked.CompareExchange(ref _word, Pack(to, sequence), seen);
            if (witness == seen)
            {
                return TransitionOutcome.Accept(request, from, to, sequence);
            }

            // Someone else transitioned between our read and our CAS: decide again from what they left.
            seen = witness;
        }
    }

    private static long Pack(ConnectionState state, long transitions) => (transitions << StateBits) | (long)state;

    private static ConnectionState StateOf(long word)
    {
        var state = (ConnectionState)(word & StateMask);
        Debug.Assert(Enum.IsDefined(state), "only Pack writes the word, always with a defined state");
        return state;
    }
}
