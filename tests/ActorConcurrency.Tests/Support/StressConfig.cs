using System.Globalization;

namespace ActorConcurrency.Tests.Support;

/// <summary>
/// Stress and soak lengths come from the environment, with short defaults for CI, so the same spec runs
/// seconds in CI and minutes by hand (see README, "Long soak").
/// </summary>
public static class StressConfig
{
    /// <summary><c>STRESS_REPETITIONS</c>: how many times a repeated experiment runs (default 50).</summary>
    public static int Repetitions => ReadInt("STRESS_REPETITIONS", 50);

    /// <summary><c>STRESS_SECONDS</c>: how long a time-bounded stress spec runs (default 2 s).</summary>
    public static TimeSpan Duration => TimeSpan.FromSeconds(ReadDouble("STRESS_SECONDS", 2));

    private static int ReadInt(string name, int fallback)
    {
        string? text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        int value = int.Parse(text, CultureInfo.InvariantCulture);
        return value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
    }

    private static double ReadDouble(string name, double fallback)
    {
        string? text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        double value = double.Parse(text, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
    }
}
