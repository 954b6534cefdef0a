namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The shadow locations of one object (its fields) or one array (its elements, and fields of struct elements).
/// It is reachable only through a weak table keyed by the object, so it dies with the object.
/// </summary>
internal sealed class ObjectShadow
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Location> _locations = [];
    private Location?[]? _elements;

    /// <summary>The location under <paramref name="key"/> (a field, or an element's field path), created on first use.</summary>
    public Location Get(long key, ShadowMemory memory, RaceSite site, int index)
    {
        lock (_gate)
        {
            if (!_locations.TryGetValue(key, out Location? found))
            {
                found = memory.NewLocation(site, index);
                _locations.Add(key, found);
            }

            return found;
        }
    }

    /// <summary>The location of element <paramref name="index"/> of an array of <paramref name="length"/> elements.</summary>
    public Location Element(int index, int length, ShadowMemory memory, RaceSite site)
    {
        lock (_gate)
        {
            _elements ??= new Location?[length];
            return _elements[index] ??= memory.NewLocation(site, index);
        }
    }
}
