namespace ActorConcurrency.SharedState.Counters;

/// <summary>
/// Task 1: <c>counter++</c> on a shared field with no synchronisation. The increment is a load, an add
/// and a store; two threads that both load before either stores write the same value, and one update
/// is lost. Kept as the broken reference every other counter is compared with.
/// </summary>
public sealed class RacyCounter : ICounter
{
    /// <summary>Read and written with plain loads and stores: no atomicity, no ordering.</summary>
    private int _value;

    /// <inheritdoc />
    public void Increment() => _value++;

    /// <summary>
    /// The same read-modify-write, split so a caller can run code between the load and the store.
    /// Specs and demonstrations use it to force the interleaving that loses an update, instead of
    /// hoping the scheduler produces it.
    /// </summary>
    public void Increment(Action betweenLoadAndStore)
    {
        ArgumentNullException.ThrowIfNull(betweenLoadAndStore);
        int loaded = _value;
        betweenLoadAndStore();
        _value = loaded + 1;
    }

    /// <inheritdoc />
    public int Read() => _value;
}
