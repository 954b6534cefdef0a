using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Bench.RaceMode;

/// <summary>
/// Race mode's cost against the real anchor, Go's own <c>-race</c>, on the same machine in one session: each workload
/// of <see cref="RaceModeWorkloads"/> runs as compiled and under race mode (a batch of runs, timed together, per sample) in alternating
/// rounds, and its Go form (bench/go/racepeer) runs under <c>go test -bench</c> without and with <c>-race</c>. The table
/// gives each side's ratio (median race / median normal) with an interval from the quartiles, and a verdict: race mode
/// at or below Go, above Go, or no measurable difference (the intervals overlap). Without a Go toolchain the Go side is
/// skipped with the reason. <c>dotnet run -c Release --project bench -- race-vs-go [rounds]</c> (default 40).
/// </summary>
internal static partial class RaceModeGoRun
{
    /// <summary>The command word that selects this run instead of BenchmarkDotNet.</summary>
    public const string Command = "race-vs-go";

    private const int GoCount = 10;
    private const int GoIterations = 200;

    /// <summary>
    /// Runs of a workload per C# sample, timed together (as Go's <c>b.N</c> loop is): one run of 4,000 operations on 2
    /// cores is a few milliseconds, and alone its time swings with every scheduling hiccup.
    /// </summary>
    private const int Batch = 20;

    /// <summary>The C# workload and its Go benchmark's name.</summary>
    private static readonly (string Workload, string Go)[] s_pairs =
    [
        (nameof(RaceModeWorkloads.LockedCounter), "Counter"),
        (nameof(RaceModeWorkloads.Lru), "Lru"),
        (nameof(RaceModeWorkloads.Ring), "Ring"),
        (nameof(RaceModeWorkloads.LockedDictionary), "LockedMap"),
        (nameof(RaceModeWorkloads.ConcurrentDictionary), "SyncMap"),
    ];

    public static int Run(string[] args)
    {
        int rounds = 40;
        if (args.Length > 1 && (!int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out rounds) || rounds < 10))
        {
            Console.Error.WriteLine($"error: {Command} takes a round count of at least 10, not '{args[1]}'");
            return 2;
        }

        Console.WriteLine($"load average before: {PairedRounds.LoadAverage()} ({Environment.ProcessorCount} cores)");
        Dictionary<string, Ratio> dotnet = MeasureDotnet(rounds);
        (Dictionary<string, Ratio>? go, string goNote) = MeasureGo();
        Console.WriteLine($"load average after: {PairedRounds.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine($"{"workload",-22} {"C# normal",10} {"race mode",10} {"ratio [q1-q3]",18} {"Go normal",10} {"go -race",10} {"ratio [q1-q3]",18}  verdict");
        foreach ((string workload, string goName) in s_pairs)
        {
            Ratio mine = dotnet[workload];
            string goColumns = go is not null && go.TryGetValue(goName, out Ratio? theirs)
                ? $"{Us(theirs.Normal),10} {Us(theirs.Race),10} {theirs,18}  {Verdict(mine, theirs)}"
                : $"{"-",10} {"-",10} {"-",18}  {goNote}";
            Console.WriteLine($"{workload,-22} {Us(mine.Normal),10} {Us(mine.Race),10} {mine,18} {goColumns}");
        }

        Console.WriteLine();
        Console.WriteLine($"C#: {rounds} alternating rounds per workload, each the mean of {Batch} runs (under race mode in one session, as Go's b.N loop in one process). Go: go test -bench -benchtime {GoIterations}x -count {GoCount}, {goNote}.");
        return 0;
    }

    private static Dictionary<string, Ratio> MeasureDotnet(int rounds)
    {
        using var sandbox = RaceSandbox.Create(typeof(RaceModeWorkloads).Assembly, typeof(SharedState.Counters.MonitorCounter).Assembly);
        Type rewritten = sandbox.Load(typeof(RaceModeWorkloads).Assembly.GetName().Name!).GetType(typeof(RaceModeWorkloads).FullName!, throwOnError: true)!;
        var ratios = new Dictionary<string, Ratio>();
        foreach ((string workload, _) in s_pairs)
        {
            Action normal = Bind(typeof(RaceModeWorkloads), workload);
            Action raced = Bind(rewritten, workload);
            var normalTimes = new List<double>();
            var raceTimes = new List<double>();
            for (int round = -5; round < rounds; round++)
            {
                // The first rounds warm both forms up (JIT, the rewritten assembly's first run) and are not kept.
                double n = Time(() => Repeat(normal)) / Batch;
                double r = Time(() => RaceSession.Run(() => Repeat(raced), RaceDetectorOptions.FastPath)) / Batch;
                if (round >= 0)
                {
                    normalTimes.Add(n);
                    raceTimes.Add(r);
                }
            }

            ratios[workload] = Ratio.Of(normalTimes, raceTimes);
        }

        return ratios;
    }

    private static (Dictionary<string, Ratio>? Ratios, string Note) MeasureGo()
    {
        if (GoToolchain.ModuleFolder() is not { } module)
        {
            return (null, "Go side skipped: bench/go not found from the working directory");
        }

        string folder = Path.Combine(module, "racepeer");
        GoToolchain.Result? normalRun = RunGo(folder, race: false);
        if (normalRun is null)
        {
            return (null, $"Go side skipped: {GoToolchain.MissingReason}");
        }

        if (!normalRun.Succeeded || Times(normalRun.Output) is not { } normal)
        {
            return (null, $"Go side failed: {normalRun.Reason}");
        }

        if (RunGo(folder, race: true) is not { Succeeded: true } raceRun || Times(raceRun.Output) is not { } race)
        {
            return (null, "Go side skipped: `go test -race` failed (it needs cgo and a C compiler)");
        }

        var ratios = new Dictionary<string, Ratio>();
        foreach (string name in normal.Keys.Intersect(race.Keys))
        {
            ratios[name] = Ratio.Of(normal[name], race[name]);
        }

        return (ratios, GoToolchain.Version() ?? "go");
    }

    /// <summary>Runs the Go benchmarks; null when go is missing.</summary>
    private static GoToolchain.Result? RunGo(string folder, bool race) =>
        GoToolchain.Run(
            "go",
            ["test", "-run", "^$", "-bench", ".", "-benchtime", $"{GoIterations}x", "-count", $"{GoCount}", .. race ? new[] { "-race" } : []],
            folder,
            TimeSpan.FromMinutes(10));

    /// <summary>Each benchmark's ns/op per count, or null when the output has none.</summary>
    private static Dictionary<string, List<double>>? Times(string output)
    {
        var times = new Dictionary<string, List<double>>();
        foreach (Match match in BenchLine().Matches(output))
        {
            string name = match.Groups["name"].Value;
            double nanoseconds = double.Parse(match.Groups["ns"].Value, CultureInfo.InvariantCulture);
            (times.TryGetValue(name, out List<double>? list) ? list : times[name] = []).Add(nanoseconds);
        }

        return times.Count > 0 ? times : null;
    }

    private static double Time(Action body)
    {
        long start = Stopwatch.GetTimestamp();
        body();
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds * 1000;
    }

    private static void Repeat(Action workload)
    {
        for (int i = 0; i < Batch; i++)
        {
            workload();
        }
    }

    private static string Verdict(Ratio mine, Ratio theirs) =>
        mine.High <= theirs.Low ? "race mode at or below Go" : mine.Low > theirs.High ? "race mode ABOVE Go" : "no measurable difference";

    private static string Us(double nanoseconds) => $"{nanoseconds / 1000:F0} us";

    private static Action Bind(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Action>();

    [GeneratedRegex(@"^Benchmark(?<name>\w+?)(-\d+)?\s+\d+\s+(?<ns>[\d.]+) ns/op", RegexOptions.Multiline)]
    private static partial Regex BenchLine();

    /// <summary>Race over normal, from medians, with the interval the quartiles give (q1 race / q3 normal to q3 race / q1 normal).</summary>
    private sealed record Ratio(double Normal, double Race, double Median, double Low, double High)
    {
        public static Ratio Of(IReadOnlyCollection<double> normal, IReadOnlyCollection<double> race)
        {
            double n = PairedRounds.Median(normal);
            double r = PairedRounds.Median(race);
            return new Ratio(n, r, r / n, PairedRounds.Quantile(race, 0.25) / PairedRounds.Quantile(normal, 0.75),
                PairedRounds.Quantile(race, 0.75) / PairedRounds.Quantile(normal, 0.25));
        }

        public override string ToString() => $"{Median:F1}x [{Low:F1}-{High:F1}]";
    }
}
