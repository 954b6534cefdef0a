namespace ActorConcurrency.Chaos;

/// <summary>One property a scenario checked: held, broken, or not applicable (with why).</summary>
public sealed record ScenarioCheck(string Name, bool? Held, string Detail);
