using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// The shadow locations of real objects (race mode's raw locations): one <see cref="ShadowLocation"/> per
/// (object, field id), per (array, index) and per static field id. The objects are keys of a
/// <see cref="ConditionalWeakTable{TKey, TValue}"/>, so shadow state never keeps an object alive: it is
/// collected with it. Nor does an object that outlives the detector keep the detector alive: a location holds
/// nothing of it (<see cref="ShadowLocation"/>). A lookup of a location that exists takes no lock and allocates nothing.
/// </summary>
public sealed class LocationTable
{
    private readonly VectorClockDetector _detector;
    private readonly ConditionalWeakTable<object, OwnerLocations> _owners = new();
    private readonly ConcurrentDictionary<int, ShadowLocation> _statics = new();

    internal LocationTable(VectorClockDetector detector) => _detector = detector;

    /// <summary>
    /// The location of field <paramref name="fieldId"/> of <paramref name="owner"/> (by identity, never by
    /// <c>Equals</c>). Field ids are the caller's: small dense ones (a field's index in its declaring type) are
    /// fastest. <paramref name="name"/> (<c>Point.X</c>) is used when the location is first created.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fieldId"/> is negative.</exception>
    public ShadowLocation Field(object owner, int fieldId, string name)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentOutOfRangeException.ThrowIfNegative(fieldId);
        OwnerLocations slots = SlotsOf(owner);
        return slots.TryGet(fieldId) ?? slots.GetOrAdd(fieldId, _detector, name);
    }

    /// <summary>
    /// The location of element <paramref name="index"/> of <paramref name="array"/> (each element is its own
    /// location, as in Go: <c>a[0]</c> and <c>a[1]</c> never race). Named <c>arrayName[index]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the array.</exception>
    public ShadowLocation Element(Array array, int index, string arrayName)
    {
        ArgumentNullException.ThrowIfNull(array);
        if ((uint)index >= (uint)array.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The array has {array.Length} element(s).");
        }

        OwnerLocations slots = SlotsOf(array);
        return slots.TryGet(index) ?? slots.GetOrAddElement(index, _detector, arrayName);
    }

    /// <summary>The location of static field <paramref name="fieldId"/> (ids shared with no other static).</summary>
    public ShadowLocation Static(int fieldId, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fieldId);
        return _statics.TryGetValue(fieldId, out ShadowLocation? found) ? found : AddStatic(fieldId, name);
    }

    private OwnerLocations SlotsOf(object owner) =>
        _owners.TryGetValue(owner, out OwnerLocations? slots) ? slots : _owners.GetValue(owner, static _ => new OwnerLocations());

    private ShadowLocation AddStatic(int fieldId, string name) =>
        _statics.GetOrAdd(fieldId, static (_, state) => new ShadowLocation(state.Detector, state.Name), (Detector: _detector, Name: name));
}
