using System.Reflection;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// A plain struct variable whose fields are separate tracked locations, as in Go: goroutines writing
/// <c>p.X</c> and <c>p.Y</c> do not race, and a race on <c>p.Y</c> is reported as <c>p.Y</c>. A field is reached
/// with <see cref="Field{TField}"/>; <see cref="Read"/> and <see cref="Write"/> access the whole struct, that is
/// every field (Go's <c>q := p</c> reads them all, <c>p = q</c> writes them all). The value is a plain field.
/// </summary>
/// <typeparam name="TStruct">The struct type; its instance fields (public or not) are the locations.</typeparam>
public sealed class TrackedStruct<TStruct>
    where TStruct : struct
{
    private readonly VectorClockDetector _detector;
    private readonly Dictionary<string, (Type Type, ShadowLocation Location)> _fields = new(StringComparer.Ordinal);
    private readonly ShadowLocation[] _all;
    private TStruct _value;

    /// <summary>Creates the variable holding <paramref name="initial"/>; one location per instance field of <typeparamref name="TStruct"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="TStruct"/> has no instance field.</exception>
    public TrackedStruct(VectorClockDetector detector, string name, TStruct initial = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _detector = detector;
        Name = name;
        _value = initial;
        foreach (FieldInfo field in typeof(TStruct).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            string fieldName = FieldName(field);
            _fields[fieldName] = (field.FieldType, new ShadowLocation(detector, $"{name}.{fieldName}"));
        }

        if (_fields.Count == 0)
        {
            throw new ArgumentException($"{typeof(TStruct).Name} has no instance field to track.", nameof(initial));
        }

        _all = _fields.Values.Select(f => f.Location).ToArray();
    }

    /// <summary>The variable's name.</summary>
    public string Name { get; }

    /// <summary>The names of the tracked fields (auto-properties by their property name).</summary>
    public IReadOnlyCollection<string> FieldNames => _fields.Keys;

    internal VectorClockDetector Detector => _detector;

    /// <summary>The value, without any check.</summary>
    public TStruct Peek() => _value;

    /// <summary>
    /// The field named <paramref name="fieldName"/>, reached by <paramref name="select"/>
    /// (<c>p.Field("X", static (ref Point p) =&gt; ref p.X)</c>). Every handle on one name shares one location.
    /// </summary>
    /// <exception cref="ArgumentException">No field of that name and type.</exception>
    public TrackedField<TStruct, TField> Field<TField>(string fieldName, FieldRef<TStruct, TField> select)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(select);
        if (!_fields.TryGetValue(fieldName, out (Type Type, ShadowLocation Location) field))
        {
            throw new ArgumentException($"{typeof(TStruct).Name} has no field '{fieldName}' (fields: {string.Join(", ", _fields.Keys)}).", nameof(fieldName));
        }

        if (field.Type != typeof(TField))
        {
            throw new ArgumentException($"Field '{fieldName}' is a {field.Type.Name}, not a {typeof(TField).Name}.", nameof(fieldName));
        }

        return new TrackedField<TStruct, TField>(this, field.Location, select);
    }

    /// <summary>A checked load of the whole struct (a read of every field).</summary>
    public TStruct Read([CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        LogicalThread thread = _detector.CurrentThread();
        foreach (ShadowLocation location in _all)
        {
            location.Read(thread, member, file, line);
        }

        return _value;
    }

    /// <summary>A checked store of the whole struct (a write of every field).</summary>
    public void Write(TStruct value, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        LogicalThread thread = _detector.CurrentThread();
        foreach (ShadowLocation location in _all)
        {
            location.Write(thread, member, file, line);
        }

        _value = value;
    }

    /// <summary>The struct's storage, for its fields.</summary>
    internal ref TStruct Value => ref _value;

    /// <summary>An auto-property's backing field <c>&lt;X&gt;k__BackingField</c> goes by its property's name.</summary>
    private static string FieldName(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.IndexOf(">k__BackingField", StringComparison.Ordinal) is > 1 and int end
            ? field.Name[1..end]
            : field.Name;
}
