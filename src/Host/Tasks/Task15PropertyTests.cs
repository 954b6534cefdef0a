using System.CommandLine;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.PropertyChecks;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 15: runs every CsCheck property of the LRU forms, the LRU actor and the rings (the same ones the
/// specs run in CI) and prints, for each, CsCheck's own summary of the iterations it ran. A failing
/// property prints its name, its seed and CsCheck's shrunk counter-example, after the table. With <c>SOAK_MINUTES</c> set, each property samples
/// for that many minutes instead of <c>--iterations</c>.
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
        Specs: ["LruPropertySpec", "RingPropertySpec"],
        Benchmark: "");

    public override IReadOnlyList<Option> Options => [Iterations.Option];

    public override async Task<Demonstrations.IDemonstrationResult> RunAsync(DemoContext context) => await RunAsync(context, PropertySuite.All);

    /// <summary>Runs <paramref name="properties"/> (the specs pass a suite with a deliberately broken form to see a failure reported).</summary>
    internal static Task<DemoOutcome> RunAsync(DemoContext context, IReadOnlyList<PropertySuite.Entry> properties)
    {
        PropertyBudget budget;
        try
        {
            budget = PropertyBudget.FromEnvironment(context.Get(Iterations));
        }
        catch (ArgumentOutOfRangeException error)
        {
            context.Console.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
            return Task.FromResult(new DemoOutcome(false, error.Message));
        }

        string hint = budget.Seconds > 0 ? $"from {PropertyBudget.SoakVariable}" : $"set {PropertyBudget.SoakVariable}=N to sample each for N minutes";
        context.Console.MarkupLine($"Budget per property: [bold]{Markup.Escape(budget.ToString())}[/] ({Markup.Escape(hint)}).");
        var rows = new List<(string Name, bool Passed, string Evidence, TimeSpan Elapsed)>();
        context.Console.Progress().Start(progress =>
        {
            var bar = progress.AddTask("properties", maxValue: properties.Count);
            foreach (PropertySuite.Entry property in properties)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                bar.Description = property.Name;
                var started = DateTime.UtcNow;
                try
                {
                    PropertyResult result = property.Run(context.ActorSystem, budget);
                    rows.Add((result.Name, true, result.Summary, result.Elapsed));
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The message names the property and the seed, then CsCheck's shrunk, minimal failing example.
                    var failure = error as PropertyFailedException ?? new PropertyFailedException(property.Name, error);
                    rows.Add((property.Name, false, failure.Message, DateTime.UtcNow - started));
                }

                bar.Increment(1);
            }
        });

        // The table keeps one line per property (a failure's first line names it and its seed); the full
        // reports, with CsCheck's shrunk example, follow the table, where no column squeezes them.
        var table = new Table().Border(TableBorder.Rounded).AddColumns("property", "result", "CsCheck says", "time");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Name),
                row.Passed ? "[green]passed[/]" : "[red]FAILED[/]",
                Markup.Escape(FirstLine(row.Evidence)),
                $"{row.Elapsed.TotalSeconds:F1} s");
        }

        context.Console.Write(table);
        var failures = rows.Where(r => !r.Passed).ToArray();
        foreach (var failure in failures)
        {
            context.Console.Write(new Rule($"[red]FAILED[/] {Markup.Escape(failure.Name)}").LeftJustified());
            context.Console.WriteLine(failure.Evidence);
        }

        int passed = rows.Count - failures.Length;
        return Task.FromResult(new DemoOutcome(
            failures.Length == 0,
            $"{passed}/{rows.Count} properties passed ({budget} each)"
            + (failures.Length == 0 ? "" : "; " + string.Join("; ", failures.Select(f => FirstLine(f.Evidence))))));
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
