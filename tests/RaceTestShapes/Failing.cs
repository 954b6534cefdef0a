namespace ActorConcurrency.RaceTestShapes;

/// <summary>A race-free test that fails its assertion: the run's own exit code (1) when no race is reported.</summary>
public sealed class Failing
{
    [Fact]
    public void Fails_without_a_race() => Assert.Equal(1, 2);
}
