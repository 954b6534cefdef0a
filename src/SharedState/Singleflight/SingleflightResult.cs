namespace ActorConcurrency.SharedState.Singleflight;

/// <summary>What one caller of a singleflight got back.</summary>
/// <param name="Value">The value the flight computed.</param>
/// <param name="Shared">
/// True when this caller joined a flight another caller had started, so it got that caller's value
/// without running its own compute; false for the caller whose compute ran (the leader). Go's
/// <c>singleflight</c> also reports <c>shared</c> to its leader when others joined; here the flag says
/// who computed, which is what a caller can act on.
/// </param>
public readonly record struct SingleflightResult<TValue>(TValue Value, bool Shared);
