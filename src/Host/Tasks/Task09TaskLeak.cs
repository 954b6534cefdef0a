using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Leaks;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.RaceDetector.Leaks;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 9: task leaks (<see cref="TaskLeakExperiment"/>): each fetch form called with a timeout inside a leak check,
/// then an actor's Ask that times out and its late reply, a dead letter.
/// </summary>
internal sealed class Task09TaskLeak : CatalogTask
{
    /// <summary>How long the leak check waits after the scope for its tasks to finish.</summary>
    public static readonly TaskOption<int> GraceMilliseconds = new(
        "--grace-ms", "How long the leak check waits for a scope's tasks to finish", 200, v => v is < 0 or > 60_000 ? "must be from 0 to 60000" : null);

    public override TaskInfo Info { get; } = new(
        9,
        "Task leak and leak check",
        "goroutine leak",
        "Leaks",
        SharedStateTypes: ["LeakingFetch", "BufferedFetch", "CancellableFetch", "Rendezvous", "TaskLeakCheck (RaceDetector)"],
        ActorTypes: ["LateReplyActor (Ask with timeout)", "DeadLetterCounterActor"],
        Specs: ["RendezvousSpec", "FetchSpec", "LeakCheckSpec", "AskTimeoutSpec", "TaskLeakExperimentSpec"],
        Benchmark: "");

    public override IReadOnlyList<Option> Options => [GraceMilliseconds.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        TaskLeakResult result = await TaskLeakExperiment.RunAsync(context.Get(GraceMilliseconds), context.ActorSystem, context.CancellationToken);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"fetch with a {result.CallerTimeoutMilliseconds:0} ms timeout; the backend answers after the caller gave up; leak check grace {result.GraceMilliseconds:0} ms")
            .AddColumns("form", "caller saw", "tasks started in scope", "finished", "leaked", "first leak: what, where started");
        foreach (FetchLeaks form in result.Forms)
        {
            LeakedTask? first = form.Report.Leaks.FirstOrDefault();
            table.AddRow(
                Markup.Escape(form.Form),
                Markup.Escape(form.CallerSaw),
                form.Report.TasksCreated.ToString(),
                form.Report.TasksFinished.ToString(),
                Leaked(form.Report),
                first is null ? "—" : Markup.Escape($"{first.Operation}\nat {first.StartedAt}"));
        }

        LeakReport empty = result.EmptyScope;
        table.AddRow("scope that starts nothing", "—", empty.TasksCreated.ToString(), empty.TasksFinished.ToString(), Leaked(empty), "—");
        context.Console.Write(table);

        context.Console.MarkupLine("[bold]Leak check report for LeakingFetch:[/]");
        context.Console.WriteLine(result.Leaking.ToString());

        LateAskReply ask = result.Ask;
        context.Console.MarkupLine(
            $"Actor side: Ask with a {ask.AskTimeoutMilliseconds:0} ms timeout -> [bold]{Markup.Escape(ask.Outcome)}[/]; the late reply became [bold]{ask.DeadLetters}[/] dead letter(s): " +
            Markup.Escape(ask.Letter));
        context.Console.MarkupLine($"The ask's temporary actor {Markup.Escape(ask.AskActor)}, which the late reply was sent to: [bold]{(ask.AskActorAlive ? "still registered" : "gone")}[/].");
        return result;
    }

    private static string Leaked(LeakReport report) => report.IsClean ? "[green]0[/]" : $"[red]{report.Leaks.Count}[/]";
}
