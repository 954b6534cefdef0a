namespace ActorConcurrency.RacyTests;

/// <summary>Counts hits in a plain field: correct on one thread, a data race on two.</summary>
public sealed class HitCounter
{
    private int _hits;

    public int Hits => _hits;

    public void Hit() => _hits++;
}
