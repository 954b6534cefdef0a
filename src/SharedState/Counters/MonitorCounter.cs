namespace ActorConcurrency.SharedState.Counters;

/// <summary>
/// Task 3: the fix with a mutex, using the C# <c>lock</c> statement on a private object
/// (<see cref="Monitor"/>). Entering the lock acquires, leaving it releases, so each increment sees
/// the previous one's store.
/// </summary>
public sealed class MonitorCounter : ICounter
{
    private readonly object _gate = new();

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
