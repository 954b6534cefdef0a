namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Race-mode specs run one at a time: a race-mode session is process-wide (one active at a time). They share one
/// rewritten copy of the test assembly (<see cref="TestAssemblySandbox"/>): rewriting takes seconds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RaceModeCollection : ICollectionFixture<TestAssemblySandbox>
{
    public const string Name = "race mode";
}
