using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Connection;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 18: the connection lifecycle as a lock, a CAS loop and an FSM actor (<see cref="ConnectionLifecycleExperiment"/>),
/// each log checked against the legal paths; then the FSM's connect timeout firing with rejected requests arriving while
/// it is Connecting (<see cref="ConnectDeadlineExperiment"/>). Each section prints as it finishes, and Ctrl+C stops
/// either at once.
/// </summary>
internal sealed class Task18ConnectionLifecycle : CatalogTask
{
    /// <summary>How many concurrent requesters drive each lifecycle.</summary>
    public static readonly TaskOption<int> Requesters = new(
        "--requesters", "How many concurrent requesters drive each connection (task 18)", 4, v => v is < 1 or > 256 ? "must be from 1 to 256" : null);

    /// <summary>The FSM's connect timeout in the deadline demonstration.</summary>
    public static readonly TaskOption<int> ConnectTimeoutMs = new(
        "--connect-timeout-ms", "The FSM's connect timeout in the deadline demonstration, in ms (task 18)", 300,
        v => v is < 50 or > 10_000 ? "must be from 50 to 10000" : null);

    public override TaskInfo Info { get; } = new(
        18,
        "Connection state machine",
        "state machine with atomics: pick one, explain why",
        "Connection",
        SharedStateTypes: ["LockedConnection", "CasConnection", "ConnectionLifecycle"],
        ActorTypes: ["ConnectionFsm"],
        Specs: ["ConnectionLifecycleSpec", "ConnectionPropertySpec", "ConnectionFsmSpec", "ConnectionFsmDeadlineSpec", "ConnectionExperimentSpec"],
        Benchmark: "ConnectionBenchmarks");

    public override IReadOnlyList<Option> Options => [RunOptions.Runs.Option, Requesters.Option, ConnectTimeoutMs.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        var settings = new ConnectionSettings(context.Get(RunOptions.Runs), context.Get(Requesters), context.Get(ConnectTimeoutMs));
        LifecycleRuns lifecycles = await ConnectionLifecycleExperiment.RunAsync(settings, context.ActorSystem, context.CancellationToken);
        Print(context.Console, lifecycles);
        ConnectDeadline deadline = await ConnectDeadlineExperiment.RunAsync(settings, context.ActorSystem, context.CancellationToken);
        Print(context.Console, deadline);
        return new ConnectionLifecycleResult(lifecycles, deadline);
    }

    private static void Print(IAnsiConsole console, LifecycleRuns lifecycles)
    {
        foreach (FormLifecycles form in lifecycles.Forms)
        {
            foreach (string problem in form.Problems)
            {
                console.MarkupLine($"[red]{Markup.Escape(form.Label)}: {Markup.Escape(problem)}[/]");
            }
        }

        int runs = lifecycles.Runs;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{runs} lifecycles per form, {lifecycles.Requesters} requesters × {lifecycles.RequestsEach} random requests each[/]")
            .AddColumns("form", "requests", "accepted", "rejected", "transitions on longest path", "logs that are legal paths", "reads outside the 5 states")
            .Caption($"[grey]{Markup.Escape(string.Join(", ", lifecycles.Forms.Select(f => f.Label)))}[/]");
        foreach (FormLifecycles form in lifecycles.Forms)
        {
            table.AddRow(
                Markup.Escape(form.Name),
                form.Requests.ToString(),
                form.Accepted.ToString(),
                form.Rejected.ToString(),
                form.LongestPath.ToString(),
                form.Legal == runs ? $"[green]{form.Legal}/{runs}[/]" : $"[red]{form.Legal}/{runs}[/]",
                form.InvalidReads switch
                {
                    null => "[grey]n/a (state only by message)[/]",
                    0 => "[green]0[/]",
                    long invalid => $"[red]{invalid}[/]",
                });
        }

        console.Write(table);
        console.MarkupLine("[grey]What a request costs in each form is measured by ConnectionBenchmarks (a timing here, with the requesters' tasks, Asks and checks, would not say it).[/]");
    }

    private static void Print(IAnsiConsole console, ConnectDeadline deadline)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]FSM connect timeout (named timer set on entering Connecting)[/]")
            .AddColumns("configured timeout", "rejected requests while Connecting", "Connecting → Idle after (indicative)", "transitions seen by a subscriber");
        table.AddRow(
            $"{deadline.TimeoutMilliseconds:0} ms",
            deadline.Rejected.ToString(),
            deadline.TimedOut ? $"{deadline.AfterMilliseconds:0} ms" : "[red]did not fire[/]",
            Markup.Escape(string.Join(", ", deadline.Transitions)));
        console.Write(table);
        console.MarkupLine(deadline.Kept
            ? $"Fired at {deadline.AfterMilliseconds:0} ms, before the {deadline.RearmedMilliseconds:0} ms a re-armed state timeout would have waited for: the {deadline.Rejected} rejected requests did not postpone the deadline."
            : $"[red]Fired at {deadline.AfterMilliseconds:0} ms, not before {deadline.RearmedMilliseconds:0} ms: the rejected requests postponed the connect deadline (or the machine delayed the timer that much; ConnectionFsmDeadlineSpec checks it on a virtual clock).[/]");
    }
}
