namespace ActorConcurrency.Host.Chaos;

/// <summary>One <c>kill -9</c> of a scenario: which node, in what role, when.</summary>
internal sealed record KillEvent(string Node, string Role, DateTimeOffset At);
