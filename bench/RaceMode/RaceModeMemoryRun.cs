using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Bench.RaceMode;

/// <summary>
/// The memory race mode holds, beside <see cref="RaceModeBenchmarks"/>' allocated bytes: each workload of
/// <see cref="RaceModeWorkloads"/> runs for many rounds in one process, as compiled or rewritten inside one long
/// race-mode session, and the live heap (after a full collection) is sampled every twentieth of the rounds, so a
/// leak shows as growth: the first sample, the median, the largest of the second half and the last; the process's
/// peak working set closes the line. Each mode and workload runs in a child process of its
/// own, so the peaks do not mix. <c>dotnet run -c Release --project bench -- race-memory [rounds]</c> (default 200).
/// </summary>
internal static class RaceModeMemoryRun
{
    /// <summary>The command word that selects this run instead of BenchmarkDotNet.</summary>
    public const string Command = "race-memory";

    private const string Child = "race-memory-child";
    private static readonly string[] Workloads = [nameof(RaceModeWorkloads.LockedCounter), nameof(RaceModeWorkloads.Lru), nameof(RaceModeWorkloads.Ring)];

    public static int Run(string[] args)
    {
        if (args is [Child, string childMode, string childWorkload, string roundsText])
        {
            return RunChild(childMode, childWorkload, int.Parse(roundsText, CultureInfo.InvariantCulture));
        }

        int rounds = 200;
        if (args.Length > 1 && (!int.TryParse(args[1], out rounds) || rounds < 10))
        {
            Console.Error.WriteLine($"error: {Command} takes a round count of at least 10, not '{args[1]}'");
            return 2;
        }

        Console.WriteLine($"{"workload",-14} {"mode",-6} {"rounds",7} {"live KB 1st",12} {"median",8} {"max 2nd half",13} {"last",8} {"peak WS MB",11} {"slots",6}");
        foreach (string workload in Workloads)
        {
            foreach (string mode in new[] { "normal", "race" })
            {
                using Process child = Process.Start(ChildStart(mode, workload, rounds))!;
                string line = child.StandardOutput.ReadToEnd().Trim();
                child.WaitForExit();
                if (child.ExitCode != 0)
                {
                    Console.Error.WriteLine($"error: {workload} {mode} failed: {child.StandardError.ReadToEnd()}");
                    return 1;
                }

                Console.WriteLine(line);
            }
        }

        return 0;
    }

    private static ProcessStartInfo ChildStart(string mode, string workload, int rounds)
    {
        string host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RaceModeMemoryRun).Assembly.Location);
        }

        foreach (string argument in new[] { Child, mode, workload, rounds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static int RunChild(string mode, string workload, int rounds)
    {
        var samples = new List<long>();
        int[] checkpoints = [1, .. Enumerable.Range(1, 20).Select(i => rounds * i / 20)];
        int slots = 0;
        if (mode == "normal")
        {
            Action body = Bind(typeof(RaceModeWorkloads), workload);
            Rounds(body, rounds, checkpoints, samples);
        }
        else
        {
            using var sandbox = RaceSandbox.Create(typeof(RaceModeWorkloads).Assembly, typeof(SharedState.Counters.MonitorCounter).Assembly);
            Type rewritten = sandbox.Load(typeof(RaceModeWorkloads).Assembly.GetName().Name!).GetType(typeof(RaceModeWorkloads).FullName!, throwOnError: true)!;
            Action body = Bind(rewritten, workload);
            RaceRun run = RaceSession.Run(() => Rounds(body, rounds, checkpoints, samples), RaceDetectorOptions.FastPath);
            if (run.HasRaces)
            {
                Console.Error.WriteLine(string.Join("\n", run.Races.Select(r => r.Format())));
                return 1;
            }

            slots = run.ThreadSlots;
        }

        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        long median = samples.Order().ElementAt(samples.Count / 2);
        long secondHalf = samples.Skip(samples.Count / 2).Max();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{workload,-14} {mode,-6} {rounds,7} {samples[0] / 1024,12:N0} {median / 1024,8:N0} {secondHalf / 1024,13:N0} {samples[^1] / 1024,8:N0} {peak / (1024.0 * 1024),11:N1} {slots,6}"));
        return 0;
    }

    private static void Rounds(Action body, int rounds, int[] checkpoints, List<long> samples)
    {
        for (int round = 1; round <= rounds; round++)
        {
            body();
            if (checkpoints.Contains(round))
            {
                samples.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }
    }

    private static Action Bind(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Action>();
}
