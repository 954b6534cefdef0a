using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Probes;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 11: "works on my machine". Each memory-model probe runs in a child process with a timeout, so a
/// probe that spins for ever is killed instead of leaving a spinning thread in the host; the table says
/// what each one did on this runtime, JIT and CPU. The demonstration is a list of sections, so another
/// section (for example the race detector's verdict on the same code) is one more entry in
/// <see cref="Sections"/>.
/// </summary>
internal sealed class Task11MemoryModel : CatalogTask
{
    /// <summary>How long a probe may go on after its flag was set before it is declared hung and killed.</summary>
    public static readonly TaskOption<int> ProbeTimeoutMilliseconds = new(
        "--probe-timeout-ms", "How long a probe may run after its flag was set before it is killed", 1000, v => v is < 1 or > 60_000 ? "must be from 1 to 60000" : null);

    /// <summary>The probes the demonstration runs, in order (the control probe is for the specs).</summary>
    private static readonly string[] DemonstratedProbes =
    [
        MemoryModelProbes.StopPlain,
        MemoryModelProbes.StopVolatile,
        MemoryModelProbes.PublishPlain,
        MemoryModelProbes.PublishVolatile,
        MemoryModelProbes.OrderPlain,
        MemoryModelProbes.OrderVolatile,
    ];

    public override TaskInfo Info { get; } = new(
        11,
        "Works on my machine",
        "memory-model undefined behaviour",
        "MemoryModel",
        SharedStateTypes: ["StopFlagProbe", "PublicationProbe", "PublicationOrderProbe", "SpinLoopCompiler"],
        ActorTypes: [],
        Specs: ["MemoryModelProbeSpec", "RaceDetectorSectionsSpec"],
        Benchmark: "");

    public override IReadOnlyList<Option> Options => [ProbeTimeoutMilliseconds.Option];

    /// <summary>The demonstration's sections, run in order; the task held if every section held.</summary>
    private static IReadOnlyList<Func<DemoContext, Task<DemoOutcome>>> Sections { get; } =
    [
        RunProbesAsync,
        context => Task.FromResult(RaceDetectorSections.PrintPublicationReport(context)),
    ];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        var outcomes = new List<DemoOutcome>();
        foreach (Func<DemoContext, Task<DemoOutcome>> section in Sections)
        {
            outcomes.Add(await section(context));
        }

        return new DemoOutcome(outcomes.All(o => o.Held), string.Join("; ", outcomes.Select(o => o.Evidence)));
    }

    /// <summary>Probes A, B, C and C fixed, and C's ordering measured over many publications, each in a child process.</summary>
    private static async Task<DemoOutcome> RunProbesAsync(DemoContext context)
    {
        var timeout = TimeSpan.FromMilliseconds(context.Get(ProbeTimeoutMilliseconds));
        ProbeReport[] reports = [];
        await context.Console.Status().StartAsync($"running {DemonstratedProbes.Length} probes in child processes (each killed if still running {timeout.TotalMilliseconds:0} ms after its flag is set)…", async _ =>
        {
            // Concurrently: a hung probe costs its timeout once, not once per probe.
            reports = await Task.WhenAll(DemonstratedProbes.Select(probe => ProbeRunner.RunAsync(probe, timeout, context.CancellationToken)));
        });

        ProbeReport? described = reports.FirstOrDefault(r => r.Environment.Count > 0);
        if (described is not null)
        {
            var environment = new Table().Border(TableBorder.Rounded).Title("where the probes ran (as the child process reported it)").AddColumns("setting", "value");
            foreach ((string key, string value) in described.Environment)
            {
                environment.AddRow(Markup.Escape(key), Markup.Escape(value));
            }

            context.Console.Write(environment);
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"memory-model probes, each in its own child process, timeout {timeout.TotalMilliseconds:0} ms after the flag is set")
            .AddColumns("probe", "what it does", "observed", "result");
        foreach (ProbeReport report in reports)
        {
            table.AddRow(
                Markup.Escape(report.Probe),
                Markup.Escape(MemoryModelProbes.Descriptions[report.Probe]),
                Describe(report),
                Markup.Escape(report.Result.Count == 0 ? "—" : string.Join(", ", report.Result.Select(kv => $"{kv.Key} {kv.Value}"))));
        }

        context.Console.Write(table);
        context.Console.MarkupLine("[grey]Only the Volatile forms are guaranteed to stop, to print 42 and to count 0 stale reads; the plain forms may hang or not depending on the JIT, its tiering and the CPU — see docs/memory-model.md.[/]");

        ProbeReport stopVolatile = reports.Single(r => r.Probe == MemoryModelProbes.StopVolatile);
        ProbeReport publishVolatile = reports.Single(r => r.Probe == MemoryModelProbes.PublishVolatile);
        ProbeReport orderVolatile = reports.Single(r => r.Probe == MemoryModelProbes.OrderVolatile);
        bool held = stopVolatile.Outcome == ProbeOutcome.Terminated
            && publishVolatile.Outcome == ProbeOutcome.Terminated
            && publishVolatile.Result.GetValueOrDefault("value") == "42"
            && orderVolatile.Outcome == ProbeOutcome.Terminated
            && orderVolatile.Result.GetValueOrDefault("stale") == "0"
            && reports.All(r => r.Outcome != ProbeOutcome.Failed);
        string arch = described?.Environment.GetValueOrDefault("architecture") ?? "?";
        return new DemoOutcome(held, $"{arch}: " + string.Join(", ", reports.Select(r => $"{r.Probe} {Summary(r)}")));
    }

    private static string Describe(ProbeReport report) => report.Outcome switch
    {
        ProbeOutcome.Terminated => $"[green]terminated[/] {report.AfterStop.TotalMilliseconds:0.0} ms after the flag was set",
        ProbeOutcome.Hung => $"[yellow]hung[/]: killed {report.AfterStop.TotalMilliseconds:0} ms after the flag was set",
        _ => $"[red]failed[/]: {Markup.Escape(report.Error ?? "?")}",
    };

    private static string Summary(ProbeReport report) => report.Outcome switch
    {
        ProbeOutcome.Terminated when report.Result.TryGetValue("value", out string? value) => $"terminated (value {value})",
        ProbeOutcome.Terminated when report.Result.TryGetValue("stale", out string? stale) => $"{stale} stale reads",
        ProbeOutcome.Terminated => "terminated",
        ProbeOutcome.Hung => $"hung (killed after {report.AfterStop.TotalMilliseconds:0} ms)",
        _ => "failed",
    };
}
