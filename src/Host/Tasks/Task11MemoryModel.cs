using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.MemoryModel;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Commands;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 11: "works on my machine" (<see cref="MemoryModelExperiment"/>). Each memory-model probe runs in a child process
/// of this host (<c>probe &lt;name&gt;</c>) with a timeout; the table says what each one did on this runtime, JIT and
/// CPU. Then the same publication under the race detector (<see cref="PublicationUnderDetector"/>).
/// </summary>
internal sealed class Task11MemoryModel : CatalogTask
{
    /// <summary>How long a probe may go on after its flag was set before it is declared hung and killed.</summary>
    public static readonly TaskOption<int> ProbeTimeoutMilliseconds = new(
        "--probe-timeout-ms", "How long a probe may run after its flag was set before it is killed", 1000, v => v is < 1 or > 60_000 ? "must be from 1 to 60000" : null);

    public override TaskInfo Info { get; } = new(
        11,
        "Works on my machine",
        "memory-model undefined behaviour",
        "MemoryModel",
        SharedStateTypes: ["StopFlagProbe", "PublicationProbe", "PublicationOrderProbe", "SpinLoopCompiler"],
        ActorTypes: [],
        Specs: ["MemoryModelProbeSpec", "ProbeRunnerSpec", "MemoryModelExperimentSpec"],
        Benchmark: "");

    public override IReadOnlyList<Option> Options => [ProbeTimeoutMilliseconds.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        var settings = new MemoryModelSettings(context.Get(ProbeTimeoutMilliseconds), ProbeCommand.HostAssembly);
        ProbeRuns probes = await context.StatusAsync(
            $"running {MemoryModelExperiment.DemonstratedProbes.Count} probes in child processes (each killed if still running {settings.ProbeTimeoutMilliseconds} ms after its flag is set)…",
            _ => MemoryModelExperiment.RunProbesAsync(settings, context.CancellationToken));
        Print(context.Console, probes);

        PublicationDetection detection = PublicationUnderDetector.Run();
        Print(context.Console, detection);
        return new MemoryModelResult(probes, detection);
    }

    private static void Print(IAnsiConsole console, ProbeRuns probes)
    {
        if (probes.Environment.Count > 0)
        {
            var environment = new Table().Border(TableBorder.Rounded).Title("where the probes ran (as the child process reported it)").AddColumns("setting", "value");
            foreach ((string key, string value) in probes.Environment)
            {
                environment.AddRow(Markup.Escape(key), Markup.Escape(value));
            }

            console.Write(environment);
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"memory-model probes, each in its own child process, timeout {probes.TimeoutMilliseconds:0} ms after the flag is set")
            .AddColumns("probe", "what it does", "observed", "result");
        foreach (ProbeReport report in probes.Reports)
        {
            table.AddRow(
                Markup.Escape(report.Probe),
                Markup.Escape(MemoryModelProbes.Descriptions[report.Probe]),
                Describe(report),
                Markup.Escape(report.Result.Count == 0 ? "—" : string.Join(", ", report.Result.Select(kv => $"{kv.Key} {kv.Value}"))));
        }

        console.Write(table);
        console.MarkupLine("[grey]Only the Volatile forms are guaranteed to stop, to print 42 and to count 0 stale reads; the plain forms may hang or not depending on the JIT, its tiering and the CPU — see docs/memory-model.md.[/]");
    }

    private static void Print(IAnsiConsole console, PublicationDetection detection)
    {
        console.MarkupLine("[bold]Under the race detector:[/] data = 42, then ready = true; the reader waits (untracked) until the writer is done, then reads ready and data.");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("flag", "data read", "races reported", "on variables");
        table.AddRow("plain bool", detection.Plain.DataRead.ToString(), DetectorTables.RaceCount(detection.Plain.Races), detection.Plain.VariablesText);
        table.AddRow("atomic (Volatile / Interlocked)", detection.Atomic.DataRead.ToString(), DetectorTables.RaceCount(detection.Atomic.Races, expectRace: false), detection.Atomic.VariablesText);
        console.Write(table);
        DetectorTables.Print(console, detection.Report);
    }

    private static string Describe(ProbeReport report) => report.Outcome switch
    {
        ProbeOutcome.Terminated => $"[green]terminated[/] {report.AfterStop.TotalMilliseconds:0.0} ms after the flag was set",
        ProbeOutcome.Hung => $"[yellow]hung[/]: killed {report.AfterStop.TotalMilliseconds:0} ms after the flag was set",
        _ => $"[red]failed[/]: {Markup.Escape(report.Error ?? "?")}",
    };
}
