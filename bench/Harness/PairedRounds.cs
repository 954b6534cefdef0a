namespace ActorConcurrency.Bench.Harness;

/// <summary>What the paired runs (<c>spsc-paired</c>, <c>actor-paired</c>) report of their rounds, and the load they ran under.</summary>
internal static class PairedRounds
{
    /// <summary>The 1, 5 and 15 minute load averages, or "unknown" where the system does not give them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static double Median(IReadOnlyCollection<double> values) => Quantile(values, 0.5);

    /// <summary>The value at rank <paramref name="q"/> (0 to 1) of the sorted values, nearest rank.</summary>
    public static double Quantile(IReadOnlyCollection<double> values, double q)
    {
        double[] sorted = [.. values.Order()];
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }
}
