using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.LazyInit;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 5: lazy init exactly once (<see cref="LazyInitExperiment"/>): each form hammered by threads released
/// together, check-then-create forced to build twice, and each form's answer to an initialiser that fails once.
/// </summary>
internal sealed class Task05LazyInit : CatalogTask
{
    public override TaskInfo Info { get; } = new(
        5,
        "Lazy init exactly once",
        "sync.Once lazy init",
        "LazyInit",
        SharedStateTypes: ["LazyCache", "LazyInitializerCache", "DoubleCheckedCache", "UnsafeLazyCache"],
        ActorTypes: [],
        Specs: ["LazyInitSpec", "LazyInitExperimentSpec"],
        Benchmark: "");

    public override IReadOnlyList<Option> Options => [RunOptions.Runs.Option, RunOptions.Threads.Option];

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        LazyInitResult result = LazyInitExperiment.Run(
            new LazyInitSettings(context.Get(RunOptions.Runs), context.Get(RunOptions.Threads)), context.CancellationToken);

        var table = new Table().Border(TableBorder.Rounded).Title($"{result.Threads} threads released by a barrier call GetCache(), {result.Runs} runs per form")
            .AddColumns("form", "runs where the initialiser ran > once", "most initialiser calls in a run", "runs where callers got different caches");
        foreach (LazyFormRuns form in result.Forms)
        {
            table.AddRow(Markup.Escape(form.Form), Count(form.RunsWithSeveralInitialisations, form.Broken), form.MostInitialiserCalls.ToString(), Count(form.RunsWithDifferentCaches, form.Broken));
        }

        context.Console.Write(table);
        context.Console.MarkupLine(
            $"Forced interleaving on check-then-create (B calls GetCache() between A's check and A's create): initialiser ran [bold]{result.Forced.InitialiserCalls}[/] times; A got cache #{result.Forced.ACache}, B got cache #{result.Forced.BCache}.");

        var failures = new Table().Border(TableBorder.Rounded).Title("initialiser throws on its first call; GetCache() is called twice")
            .AddColumns("form", "first call", "second call", "initialiser calls");
        foreach (FailureBehaviour failure in result.Failures)
        {
            string second = failure.Second switch
            {
                SecondCall.Retried => $"retried: got cache #{failure.SecondCache}",
                SecondCall.RethrewCachedException => "rethrew the cached exception (same object)",
                _ => $"threw again: {failure.SecondError}",
            };
            failures.AddRow(
                Markup.Escape(failure.Form), Markup.Escape(failure.FirstError is { } first ? $"threw: {first}" : "no exception"), Markup.Escape(second), failure.InitialiserCalls.ToString());
        }

        context.Console.Write(failures);
        if (result.BrokenRuns == 0)
        {
            context.Console.MarkupLine("[yellow]check-then-create built once in every free run (not observed in this run); the forced interleaving above shows the double build.[/]");
        }

        return Task.FromResult<IDemonstrationResult>(result);
    }

    private static string Count(int value, bool expectedNonZero) =>
        value == 0 ? "[green]0[/]" : expectedNonZero ? $"[yellow]{value}[/]" : $"[red]{value}[/]";
}
