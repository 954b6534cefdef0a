namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// The shadow locations of one object or array, by field id or element index. Reads are lock-free (the slot
/// array is only ever replaced by a larger copy, and a slot once set never changes); creation takes a lock.
/// </summary>
internal sealed class OwnerLocations
{
    private readonly object _gate = new();
    private ShadowLocation?[] _slots = new ShadowLocation?[4];

    public ShadowLocation? TryGet(int index)
    {
        ShadowLocation?[] slots = Volatile.Read(ref _slots);
        return (uint)index < (uint)slots.Length ? Volatile.Read(ref slots[index]) : null;
    }

    public ShadowLocation GetOrAdd(int index, VectorClockDetector detector, string name)
    {
        lock (_gate)
        {
            return TryGet(index) ?? Publish(index, new ShadowLocation(detector, name));
        }
    }

    public ShadowLocation GetOrAddElement(int index, VectorClockDetector detector, string arrayName)
    {
        lock (_gate)
        {
            return TryGet(index) ?? Publish(index, new ShadowLocation(detector, $"{arrayName}[{index}]"));
        }
    }

    /// <summary>Called holding <see cref="_gate"/>.</summary>
    private ShadowLocation Publish(int index, ShadowLocation location)
    {
        if (index >= _slots.Length)
        {
            var larger = new ShadowLocation?[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)index + 1)];
            Array.Copy(_slots, larger, _slots.Length);
            Volatile.Write(ref _slots, larger);
        }

        Volatile.Write(ref _slots[index], location);
        return location;
    }
}
