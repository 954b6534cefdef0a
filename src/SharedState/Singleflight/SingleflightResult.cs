namespace ActorConcurrency.SharedState.Singleflight;

/// <summary>What one caller of a singleflight got back.</summary>
/// <param name="Value">The value the flight computed.</param>
/// <param name="Shared">
/// Go's <c>shared</c>: true when the value was given to more than one caller. Every caller that joined a
/// flight gets true; the caller that started it (the leader) gets true as well when at least one other caller
/// joined its flight before it ended, and false when it was alone. It says whether the value was handed out
/// more than once (so mutating it is unsafe), not who computed it.
/// </param>
public readonly record struct SingleflightResult<TValue>(TValue Value, bool Shared);
