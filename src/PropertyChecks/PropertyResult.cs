namespace ActorConcurrency.PropertyChecks;

/// <summary>What one property run did: its name, CsCheck's own summary line (iterations run) and how long it took.</summary>
public sealed record PropertyResult(string Name, string Summary, TimeSpan Elapsed);
