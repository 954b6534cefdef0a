namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>Selects one field of a struct by reference: <c>static (ref Point p) =&gt; ref p.X</c>.</summary>
/// <typeparam name="TStruct">The struct.</typeparam>
/// <typeparam name="TField">The field's type.</typeparam>
public delegate ref TField FieldRef<TStruct, TField>(ref TStruct value);
