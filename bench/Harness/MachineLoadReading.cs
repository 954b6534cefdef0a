using System.Globalization;

namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// One reading of how busy the machine is (Linux; every figure null elsewhere): the load averages of
/// <c>/proc/loadavg</c>, the busy CPU time of the whole machine (<c>/proc/stat</c>) and the CPU time of this process
/// with its finished children (<c>/proc/self/stat</c>: BenchmarkDotNet's benchmark processes are its children). Two
/// readings give the CPU other processes used in between (<see cref="OtherCpuCores"/>): the load average counts the
/// benchmark's own threads too, the difference does not.
/// </summary>
/// <param name="At">When it was taken.</param>
/// <param name="LoadOne">1-minute load average.</param>
/// <param name="LoadFive">5-minute load average.</param>
/// <param name="LoadFifteen">15-minute load average.</param>
/// <param name="MachineBusyTicks">Busy CPU time of all CPUs since boot (user, nice, system, irq, softirq, steal), in clock ticks.</param>
/// <param name="OwnTicks">CPU time of this process and its reaped children (utime + stime + cutime + cstime), in clock ticks.</param>
public sealed record MachineLoadReading(DateTimeOffset At, double? LoadOne, double? LoadFive, double? LoadFifteen, long? MachineBusyTicks, long? OwnTicks)
{
    /// <summary>Clock ticks per second of <c>/proc</c>'s CPU times (USER_HZ, 100 on Linux).</summary>
    public const double TicksPerSecond = 100;

    /// <summary>Reads the machine now; a figure it cannot read is null.</summary>
    public static MachineLoadReading Take()
    {
        DateTimeOffset at = DateTimeOffset.UtcNow;
        double[]? load = ParseLoadAverage(ReadOrNull("/proc/loadavg"));
        return new MachineLoadReading(at, load?[0], load?[1], load?[2], ParseMachineBusyTicks(ReadOrNull("/proc/stat")), ParseOwnTicks(ReadOrNull("/proc/self/stat")));
    }

    /// <summary>
    /// Cores' worth of CPU that other processes used on average from <paramref name="before"/> to <paramref name="after"/>:
    /// (machine busy time − this process tree's time) / wall time; null when a figure is missing or no time passed.
    /// </summary>
    public static double? OtherCpuCores(MachineLoadReading before, MachineLoadReading after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        double seconds = (after.At - before.At).TotalSeconds;
        if (seconds <= 0 || before.MachineBusyTicks is not { } b0 || after.MachineBusyTicks is not { } b1 || before.OwnTicks is not { } o0 || after.OwnTicks is not { } o1)
        {
            return null;
        }

        return Math.Max(0, (b1 - b0 - (o1 - o0)) / TicksPerSecond / seconds);
    }

    /// <summary>"0.52 0.58 0.59 1/467 12345" → [0.52, 0.58, 0.59].</summary>
    internal static double[]? ParseLoadAverage(string? text)
    {
        string[] fields = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (fields.Length < 3)
        {
            return null;
        }

        var values = new double[3];
        for (int i = 0; i < 3; i++)
        {
            if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>The first line of <c>/proc/stat</c>, "cpu user nice system idle iowait irq softirq steal …": all but idle and iowait.</summary>
    internal static long? ParseMachineBusyTicks(string? text)
    {
        string? line = text?.Split('\n').FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        string[] fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (fields.Length < 9)
        {
            return null;
        }

        long busy = 0;
        foreach (int field in (int[])[1, 2, 3, 6, 7, 8])
        {
            if (!long.TryParse(fields[field], NumberStyles.Integer, CultureInfo.InvariantCulture, out long ticks))
            {
                return null;
            }

            busy += ticks;
        }

        return busy;
    }

    /// <summary>
    /// <c>/proc/self/stat</c>: "pid (comm) state ppid …"; utime, stime, cutime, cstime are fields 14–17. The command
    /// name may hold spaces and parentheses, so fields are counted after the last ')'.
    /// </summary>
    internal static long? ParseOwnTicks(string? text)
    {
        int close = text?.LastIndexOf(')') ?? -1;
        if (close < 0)
        {
            return null;
        }

        // After ')' come field 3 (state) onwards: utime is field 14, i.e. index 11 of this rest.
        string[] rest = text![(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length < 15)
        {
            return null;
        }

        long own = 0;
        for (int i = 11; i <= 14; i++)
        {
            if (!long.TryParse(rest[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out long ticks))
            {
                return null;
            }

            own += ticks;
        }

        return own;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
