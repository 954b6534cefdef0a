using System.CommandLine;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.PropertyChecks;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 15: runs every CsCheck property of the LRU forms, the LRU actor and the rings (the same ones the specs run in
/// CI, <see cref="PropertyCheckRun"/>) and prints, for each, CsCheck's own summary of the iterations it ran. A failing
/// property prints its name, its seed and CsCheck's shrunk counter-example, after the table. With <c>SOAK_MINUTES</c>
/// set, each property samples for that many minutes instead of <c>--iterations</c>.
/// </summary>
internal sealed class Task15PropertyTests : CatalogTask
{
    /// <summary>CsCheck iterations per property (ignored when SOAK_MINUTES is set).</summary>
    public static readonly TaskOption<int> Iterations = new(
        "--iterations", "CsCheck iterations per property (SOAK_MINUTES=N runs each for N minutes instead)", 100,
        v => v < 1 ? "must be at least 1" : null);

    public override TaskInfo Info { get; } = new(
        15,
        "Property-based tests",
        "property-based concurrent tests (rapid)",
        "Lru",
        SharedStateTypes: ["LruCache<TKey,TValue>", "ClockLruCache<TKey,TValue>", "SpscRingBuffer<T>", "PaddedSpscRingBuffer<T>"],
        ActorTypes: ["LruActor<TKey,TValue>"],
        Specs: ["LruPropertySpec", "RingPropertySpec", "LruAndRingTasksSpec"],
        Benchmark: "");

    public override IReadOnlyList<Option> Options => [Iterations.Option];

    public override Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        PropertyBudget budget;
        try
        {
            budget = PropertyBudget.FromEnvironment(context.Get(Iterations));
        }
        catch (ArgumentOutOfRangeException error)
        {
            context.Console.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
            return Task.FromResult<IDemonstrationResult>(new PropertyChecksResult("", [], Refused: error.Message));
        }

        string hint = budget.Seconds > 0 ? $"from {PropertyBudget.SoakVariable}" : $"set {PropertyBudget.SoakVariable}=N to sample each for N minutes";
        context.Console.MarkupLine($"Budget per property: [bold]{Markup.Escape(budget.ToString())}[/] ({Markup.Escape(hint)}).");
        PropertyChecksResult result = context.Console.Progress().Start(progress =>
        {
            var bar = progress.AddTask("properties", maxValue: PropertySuite.All.Count);
            var current = new PropertyBar(bar);
            PropertyChecksResult checks = PropertyCheckRun.Run(PropertySuite.All, budget, context.ActorSystem, current, context.CancellationToken);
            bar.Increment(1);
            return checks;
        });

        Print(context.Console, result);
        return Task.FromResult<IDemonstrationResult>(result);
    }

    /// <summary>
    /// The table keeps one line per property (a failure's first line names it and its seed); the full reports, with
    /// CsCheck's shrunk example, follow the table, where no column squeezes them.
    /// </summary>
    internal static void Print(IAnsiConsole console, PropertyChecksResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("property", "result", "CsCheck says", "time");
        foreach (PropertyCheck check in result.Properties)
        {
            table.AddRow(
                Markup.Escape(check.Name),
                check.Passed ? "[green]passed[/]" : "[red]FAILED[/]",
                Markup.Escape(check.FirstLine),
                $"{check.Seconds:F1} s");
        }

        console.Write(table);
        foreach (PropertyCheck failure in result.Failures)
        {
            console.Write(new Rule($"[red]FAILED[/] {Markup.Escape(failure.Name)}").LeftJustified());
            console.WriteLine(failure.Report);
        }
    }

    /// <summary>The progress bar: names the property that is running and counts those done.</summary>
    private sealed class PropertyBar(ProgressTask bar) : IProgress<string>
    {
        private bool _started;

        public void Report(string value)
        {
            if (_started)
            {
                bar.Increment(1);
            }

            _started = true;
            bar.Description = value;
        }
    }
}
