namespace ActorConcurrency.RaceTestShapes;

/// <summary>A plain field to race on.</summary>
public sealed class Box
{
    public int Value;
}
