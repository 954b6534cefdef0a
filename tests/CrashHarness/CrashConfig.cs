using System.Globalization;
using ActorConcurrency.Chaos;

namespace ActorConcurrency.CrashHarness;

/// <summary>
/// The harness's length from the environment, short by default so it fits in CI: <c>CHAOS_KILLS</c> (kill -9s
/// of the kill-shard-host scenario, default 1), <c>CHAOS_SECONDS</c> (seconds of load after each step,
/// default 1), <c>CHAOS_LOAD</c> (increments of a finite load, default 200,000: enough that a load outlasts a kill on a quiet machine),
/// <c>CHAOS_FAULT_SECONDS</c> (a freeze's or a partition's length, default 20, or forever). <c>CHAOS_HOST_DLL</c> runs the
/// nodes from another build of the host (e.g. an older commit's) instead of this one's.
/// </summary>
public static class CrashConfig
{
    public static int Kills => (int)Read("CHAOS_KILLS", 1);

    public static double Seconds => Read("CHAOS_SECONDS", 1);

    public static long Load => (long)Read("CHAOS_LOAD", 200_000);

    /// <summary>
    /// <c>CHAOS_FAULT_SECONDS</c>: how long a freeze or a partition lasts (default 20 s), or <c>forever</c> (to the
    /// scenario's end).
    /// </summary>
    public static TimeSpan? FaultLength =>
        Environment.GetEnvironmentVariable("CHAOS_FAULT_SECONDS") is "forever" ? null : TimeSpan.FromSeconds(Read("CHAOS_FAULT_SECONDS", 20));

    /// <summary>
    /// The host every node runs as <c>dotnet HOST node …</c>: the one built with these specs, from its own bin folder in
    /// the same configuration (the harness builds it without compiling against it).
    /// </summary>
    public static string HostAssembly =>
        Environment.GetEnvironmentVariable("CHAOS_HOST_DLL") is { Length: > 0 } other
            ? Path.GetFullPath(other)
            : BuiltHost();

    private static string BuiltHost()
    {
        // This assembly runs from tests/CrashHarness/bin/<configuration>/<framework>/.
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        for (DirectoryInfo? folder = bin; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ActorConcurrency.sln")))
            {
                return Path.Combine(folder.FullName, "src", "Host", "bin", bin.Parent!.Name, bin.Name, "ActorConcurrency.Host.dll");
            }
        }

        throw new InvalidOperationException($"no ActorConcurrency.sln above {bin.FullName}: set CHAOS_HOST_DLL to the host to run nodes from");
    }

    internal static ChaosSettings Settings(ChaosJournal journal) => new()
    {
        Journal = journal,
        HostAssembly = HostAssembly,
        Load = Load,
        Kills = Kills,
        Seconds = Seconds,
        FaultLength = FaultLength,
        // A long run may do many kills; each node still dies at its hard lifetime if the harness itself dies.
        NodeLifetime = TimeSpan.FromMinutes(5 + (2 * Kills)),
    };

    private static double Read(string name, double fallback)
    {
        string? text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        double value = double.Parse(text, CultureInfo.InvariantCulture);
        return value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");
    }
}
