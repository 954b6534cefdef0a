namespace ActorConcurrency.SharedState.Counters;

/// <summary>
/// Task 3, second form: the same mutex with <see cref="System.Threading.Lock"/> (.NET 9+), the
/// dedicated lock type. The <c>lock</c> statement on a <see cref="Lock"/> calls
/// <see cref="Lock.EnterScope"/> instead of <see cref="Monitor"/>, so no object header is involved.
/// </summary>
public sealed class ThreadingLockCounter : ICounter
{
    private readonly Lock _gate = new();

    /// <summary>Guarded by <see cref="_gate"/>.</summary>
    private int _value;

    /// <inheritdoc />
    public void Increment()
    {
        lock (_gate)
        {
            _value++;
        }
    }

    /// <inheritdoc />
    public int Read()
    {
        lock (_gate)
        {
            return _value;
        }
    }
}
