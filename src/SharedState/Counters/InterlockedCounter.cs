namespace ActorConcurrency.SharedState.Counters;

/// <summary>
/// Task 2: the fix with an atomic. <see cref="Interlocked.Increment(ref int)"/> is one indivisible
/// read-modify-write (a <c>lock xadd</c> on x64) and a full fence, so no update is lost.
/// </summary>
public sealed class InterlockedCounter : ICounter
{
    /// <summary>Written only by <see cref="Interlocked"/>; read with acquire semantics.</summary>
    private int _value;

    /// <inheritdoc />
    public void Increment() => Interlocked.Increment(ref _value);

    /// <inheritdoc />
    public int Read() => Volatile.Read(ref _value);
}
