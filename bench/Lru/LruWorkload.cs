namespace ActorConcurrency.Bench.Lru;

/// <summary>
/// The operations one benchmark thread performs, generated once before timing: keys drawn from a Zipf
/// distribution (s = 0.9) over <see cref="LruBenchmarks.KeySpace"/> keys — ten times the capacity, so the
/// cache must choose what to keep and the hit ratio says how well its policy chose — and a get or a set
/// per operation in the requested proportion.
/// </summary>
internal sealed class LruWorkload
{
    private const double Skew = 0.9;

    public LruWorkload(int operations, int getPercent, int seed)
    {
        double[] cumulative = ZipfCumulative(LruBenchmarks.KeySpace);
        var random = new Random(seed);
        Keys = new int[operations];
        IsGet = new bool[operations];
        for (int i = 0; i < operations; i++)
        {
            int rank = Array.BinarySearch(cumulative, random.NextDouble());
            Keys[i] = rank < 0 ? Math.Min(~rank, LruBenchmarks.KeySpace - 1) : rank;
            IsGet[i] = random.Next(100) < getPercent;
        }
    }

    public int[] Keys { get; }

    public bool[] IsGet { get; }

    private static double[] ZipfCumulative(int n)
    {
        var weights = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++)
        {
            weights[k] = 1.0 / Math.Pow(k + 1, Skew);
            total += weights[k];
        }

        double running = 0;
        for (int k = 0; k < n; k++)
        {
            running += weights[k] / total;
            weights[k] = running;
        }

        return weights;
    }
}
