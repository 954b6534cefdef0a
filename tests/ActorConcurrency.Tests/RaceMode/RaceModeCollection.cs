namespace ActorConcurrency.Tests.RaceMode;

/// <summary>Race-mode specs run one at a time: a race-mode session is process-wide (one active at a time).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RaceModeCollection
{
    public const string Name = "race mode";
}
