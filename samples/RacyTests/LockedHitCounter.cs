namespace ActorConcurrency.RacyTests;

/// <summary>Counts hits under a lock: correct on any number of threads.</summary>
public sealed class LockedHitCounter
{
    private readonly Lock _gate = new();
    private int _hits;

    public int Hits
    {
        get
        {
            lock (_gate)
            {
                return _hits;
            }
        }
    }

    public void Hit()
    {
        lock (_gate)
        {
            _hits++;
        }
    }
}
