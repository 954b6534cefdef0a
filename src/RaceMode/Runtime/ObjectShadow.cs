namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The shadow locations of one object (its fields) or one array (its elements, and fields of struct elements).
/// It is reachable only through a weak table keyed by the object, so it dies with the object. Lookups read an
/// immutable snapshot without a lock (an object has few fields); a new location copies it under the lock.
/// </summary>
internal sealed class ObjectShadow
{
    private readonly Lock _gate = new();
    private (long Key, Location Location)[] _locations = [];
    private Location?[]? _elements;

    /// <summary>The location under <paramref name="key"/> (a field, or an element's field path), created on first use.</summary>
    public Location Get(long key, ShadowMemory memory, RaceSite site, int index) =>
        Find(key) ?? Add(key, (memory, site, index), static s => s.memory.NewLocation(s.site, s.index));

    /// <summary>The location under <paramref name="key"/>, made by <paramref name="create"/> from <paramref name="state"/> on first use.</summary>
    public Location Get<TState>(long key, TState state, Func<TState, Location> create) => Find(key) ?? Add(key, state, create);

    private Location? Find(long key)
    {
        foreach ((long Key, Location Location) entry in Volatile.Read(ref _locations))
        {
            if (entry.Key == key)
            {
                return entry.Location;
            }
        }

        return null;
    }

    private Location Add<TState>(long key, TState state, Func<TState, Location> create)
    {
        lock (_gate)
        {
            foreach ((long Key, Location Location) entry in _locations)
            {
                if (entry.Key == key)
                {
                    return entry.Location;
                }
            }

            Location created = create(state);
            Volatile.Write(ref _locations, [.. _locations, (key, created)]);
            return created;
        }
    }

    /// <summary>The location of element <paramref name="index"/> of an array of <paramref name="length"/> elements.</summary>
    public Location Element(int index, int length, ShadowMemory memory, RaceSite site)
    {
        if (Volatile.Read(ref _elements) is { } elements && Volatile.Read(ref elements[index]) is { } found)
        {
            return found;
        }

        lock (_gate)
        {
            _elements ??= new Location?[length];
            if (_elements[index] is not { } location)
            {
                location = memory.NewLocation(site, index);
                Volatile.Write(ref _elements[index], location);
            }

            return location;
        }
    }
}
