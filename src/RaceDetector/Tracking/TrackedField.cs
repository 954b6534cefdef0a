using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>One field of a <see cref="TrackedStruct{TStruct}"/>: its own location (<c>p.X</c>), checked like a <see cref="TrackedVariable{T}"/>.</summary>
/// <typeparam name="TStruct">The struct.</typeparam>
/// <typeparam name="TField">The field's type.</typeparam>
public sealed class TrackedField<TStruct, TField>
    where TStruct : struct
{
    private readonly TrackedStruct<TStruct> _owner;
    private readonly FieldRef<TStruct, TField> _select;

    internal TrackedField(TrackedStruct<TStruct> owner, ShadowLocation location, FieldRef<TStruct, TField> select)
    {
        _owner = owner;
        Location = location;
        _select = select;
    }

    /// <summary>The field's name in reports (<c>p.X</c>).</summary>
    public string Name => Location.Name;

    /// <summary>The field's shadow state.</summary>
    public ShadowLocation Location { get; }

    /// <summary>A checked load of the field.</summary>
    public TField Read([CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Location.Read(_owner.Detector.CurrentThread(), member, file, line);
        return _select(ref _owner.Value);
    }

    /// <summary>A checked store to the field (the other fields are not touched).</summary>
    public void Write(TField value, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Location.Write(_owner.Detector.CurrentThread(), member, file, line);
        _select(ref _owner.Value) = value;
    }
}
