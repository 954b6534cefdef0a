using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Where the shadow of every location lives: per object in a <see cref="ConditionalWeakTable{TKey,TValue}"/>
/// (the shadow never keeps its object alive, and is collected with it), per static field in a dictionary keyed
/// by the field (and by the closed generic type for statics of generic types, which have one copy per type).
/// </summary>
internal sealed class ShadowMemory
{
    private const long ContentsKey = long.MinValue;

    private readonly CoreBackend _backend;

    /// <summary>What this memory's locations name it by (<see cref="Location.Memory"/>).</summary>
    private readonly object _identity = new();
    private readonly ConditionalWeakTable<object, ObjectShadow> _objects = new();
    private readonly ConcurrentDictionary<(object? Owner, int Location), Location> _statics = new();

    public ShadowMemory(CoreBackend backend) => _backend = backend;

    /// <summary>
    /// The location of the field (or field path) that <paramref name="site"/> touches in <paramref name="owner"/>. The site
    /// remembers the location it found last: a site in a loop over one object (a counter, a closure's captured field)
    /// finds it again with two comparisons instead of a weak-table lookup.
    /// </summary>
    public Location Field(object owner, RaceSite site)
    {
        if (Remembered(owner, site) is { } cached)
        {
            return cached;
        }

        Location found = _objects.GetValue(owner, static _ => new ObjectShadow()).Get(site.Location, (this, site, owner), static s => s.Item1.NewLocation(s.site, -1, s.owner));
        site.Remember(found);
        return found;
    }

    /// <summary>
    /// The contents of a checked collection as one location (Go checks a map the same way), named after its runtime
    /// type (<c>Dictionary&lt;Int32,Int32&gt;</c>). Its key lies outside every field's and element field's key; the call site <paramref name="site"/> remembers it.
    /// </summary>
    public Location Contents(object collection, RaceSite site)
    {
        Location found = _objects.GetValue(collection, static _ => new ObjectShadow())
            .Get(ContentsKey, (this, collection), static s => new Location(s.Item1._backend.NewCell(TypeNames.Friendly(s.collection.GetType())), s.Item1._identity, s.collection));
        site.Remember(found);
        return found;
    }

    /// <summary>The location <paramref name="site"/> found last or the one before, if it was for <paramref name="owner"/> in this session.</summary>
    public Location? Remembered(object owner, RaceSite site) =>
        site.LastField is { } last && ReferenceEquals(last.Owner, owner) && ReferenceEquals(last.Memory, _identity) ? last
        : site.OtherField is { } other && ReferenceEquals(other.Owner, owner) && ReferenceEquals(other.Memory, _identity) ? other
        : null;

    /// <summary>The static location <paramref name="site"/> touches; <paramref name="owner"/> is the closed generic type or null.</summary>
    public Location Static(object? owner, RaceSite site)
    {
        if (_statics.TryGetValue((owner, site.Location), out Location? found))
        {
            return found;
        }

        return _statics.GetOrAdd((owner, site.Location), _ => NewLocation(site, -1));
    }

    /// <summary>Element <paramref name="index"/> of <paramref name="array"/>, or the field path of it that <paramref name="site"/> names.</summary>
    public Location Element(Array array, int index, RaceSite site, bool fieldOfElement)
    {
        ObjectShadow shadow = _objects.GetValue(array, static _ => new ObjectShadow());
        return fieldOfElement
            ? shadow.Get(((long)index << 32) | (uint)site.Location, this, site, index)
            : shadow.Element(index, array.Length, this, site);
    }

    /// <summary>A new location for <paramref name="site"/> (at element <paramref name="index"/>, or -1 for a field of <paramref name="owner"/>).</summary>
    public Location NewLocation(RaceSite site, int index, object? owner = null) =>
        new(_backend.NewCell(index < 0 ? site.LocationName : site.LocationName.Replace("[]", $"[{index}]", StringComparison.Ordinal)), owner is null ? null : _identity, owner);
}
