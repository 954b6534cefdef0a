namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The shadow of one memory location: its FastTrack cell and, once an atomic touched it, its clock. The object
/// itself is the lock that serialises atomic accesses to the location with their shadow updates.
/// </summary>
internal sealed class Location
{
    private object? _sync;

    public Location(object cell) => Cell = cell;

    /// <summary>The backend's shadow cell.</summary>
    public object Cell { get; }

    /// <summary>The location's clock, created on the first atomic access.</summary>
    public object Sync(IRaceBackend backend, string name)
    {
        if (Volatile.Read(ref _sync) is { } sync)
        {
            return sync;
        }

        Interlocked.CompareExchange(ref _sync, backend.NewSync(name), null);
        return _sync!;
    }
}
