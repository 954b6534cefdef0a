namespace ActorConcurrency.RacySample;

/// <summary>A counter with a plain field: correct on one thread, racy on two.</summary>
internal sealed class Tally
{
    /// <summary>Read and written with plain loads and stores.</summary>
    public int Hits;

    public void Add(int times)
    {
        for (int i = 0; i < times; i++)
        {
            Hits++;
        }
    }
}
