using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// <c>report-run [part|class…] [--quick] [--session ID] [--artifacts DIR] [--list]</c>: every benchmark of the report,
/// one job (<see cref="BenchConfig.ReportJob"/>), one session, the machine's load read around every class and case.
/// With no part it runs them all in order, and last the Go peers (<see cref="GoPeerRun"/>, part <c>go</c>; skipped
/// without a Go toolchain); each part is runnable alone and writes its own joined result file
/// under <c>DIR/results</c> (default <c>BenchmarkDotNet.Artifacts/report-run</c>). Every benchmark class belongs to
/// exactly one part: a class in none is refused before anything runs, so the report cannot silently miss it.
/// </summary>
internal static class ReportRun
{
    public const string Command = "report-run";

    /// <summary>Where the results go unless <c>--artifacts</c> says otherwise.</summary>
    public static readonly string DefaultArtifacts = Path.Combine("BenchmarkDotNet.Artifacts", "report-run");

    /// <summary>The parts, in the order a full run takes them; estimates from docs/bench-report.md.</summary>
    public static IReadOnlyList<ReportPart> Parts { get; } =
    [
        new("locks", [typeof(Caches.CacheLockBenchmarks), typeof(Maps.MapBenchmarks), typeof(FalseSharing.FalseSharingBenchmarks), typeof(Pooling.PoolingBenchmarks)], 18),
        new("counters", [typeof(Counters.CounterBenchmarks), typeof(ShardedCounters.ShardedCounterBenchmarks)], 15),
        new("owners", [typeof(Lru.LruBenchmarks), typeof(Connection.ConnectionBenchmarks), typeof(Singleflight.SingleflightBenchmarks)], 20),
        new("rings-race", [typeof(Rings.SpscBenchmarks), typeof(HappensBefore.RaceDetectorBenchmarks), typeof(RaceMode.RaceModeBenchmarks)], 23),
    ];

    public static int Run(string[] args)
    {
        var parts = new List<ReportPart>();
        bool quick = false, list = false, go = false;
        string session = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string artifacts = DefaultArtifacts;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--list":
                    list = true;
                    break;
                case "--session" when i + 1 < args.Length:
                    session = args[++i];
                    break;
                case "--artifacts" when i + 1 < args.Length:
                    artifacts = args[++i];
                    break;
                case "all":
                    parts.AddRange(Parts);
                    go = true;
                    break;
                case GoPeerRun.PartName:
                    go = true;
                    break;
                default:
                    // A part by name, or one benchmark class of a part by its name (to rerun it alone with the same job).
                    ReportPart? part = Parts.FirstOrDefault(p => p.Name == args[i])
                        ?? Parts.SelectMany(p => p.Classes).Where(c => c.Name == args[i]).Select(c => new ReportPart(c.Name, [c], 0)).FirstOrDefault();
                    if (part is null)
                    {
                        Console.Error.WriteLine($"error: {Command}: unknown part, class or option '{args[i]}'; parts: {string.Join(", ", Parts.Select(p => p.Name))}, {GoPeerRun.PartName} (or all, or one benchmark class by name); options: --quick, --session ID, --artifacts DIR, --list");
                        return 2;
                    }

                    parts.Add(part);
                    break;
            }
        }

        if (Unassigned() is { Length: > 0 } missing)
        {
            Console.Error.WriteLine($"error: {Command}: benchmark class(es) in no part, so the report would miss them: {string.Join(", ", missing.Select(t => t.Name))}. Add each to a part in {nameof(ReportRun)}.{nameof(Parts)}.");
            return 1;
        }

        if (list)
        {
            foreach (ReportPart part in Parts)
            {
                Console.WriteLine($"{part.Name} (about {part.EstimatedMinutes} min): {string.Join(", ", part.Classes.Select(c => c.Name))}");
            }

            Console.WriteLine($"{GoPeerRun.PartName} (about {GoPeerRun.EstimatedMinutes} min): the Go peers of bench/go/peers, with go test -bench (skipped without go)");
            Console.WriteLine($"all: about {Parts.Sum(p => p.EstimatedMinutes) + GoPeerRun.EstimatedMinutes} min");
            return 0;
        }

        if (parts.Count == 0 && !go)
        {
            parts.AddRange(Parts);
            go = true;
        }

        Job job = quick ? BenchConfig.QuickReportJob : BenchConfig.ReportJob;
        LoadRecorder.Instance.SettleAfterBuild = true;
        int failures = 0;
        foreach (ReportPart part in parts.DistinctBy(p => p.Name))
        {
            Console.WriteLine($"// {Command}: session {session}, part {part.Name} ({string.Join(", ", part.Classes.Select(c => c.Name))}), job {job.ResolvedId}, results in {Path.GetFullPath(Path.Combine(artifacts, "results"))}");
            ReportSession.Current = new ReportSession(session, part.Name, job.ResolvedId);
            IConfig config = BenchConfig.Create().AddJob(job).WithArtifactsPath(artifacts);
            Summary[] summaries = BenchmarkRunner.Run([.. part.Classes], config);
            failures += Program.ReportFailures(summaries);
        }

        ReportSession.Current = null;
        if (go)
        {
            failures += GoPeerRun.Run(session, artifacts, quick);
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>Benchmark classes of this assembly that no part runs.</summary>
    private static Type[] Unassigned() =>
        [.. typeof(ReportRun).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .Except(Parts.SelectMany(p => p.Classes))];
}
