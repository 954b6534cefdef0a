using ActorConcurrency.Actors.Counters;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Counters;
using Akka.Actor;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// The experiment tasks 1–4 share: a counter form incremented once by each of N concurrent tasks,
/// repeated R times, with the totals it reached printed as a table.
/// </summary>
internal static class CounterDemo
{
    /// <summary>One form of the counter: a fresh instance per run, driven by <see cref="ConcurrentIncrements"/>.</summary>
    public sealed record Form(string Name, Func<DemoContext, int, int, Task<int>> RunOnceAsync);

    public static Form SharedMemory(string name, Func<ICounter> create) => new(name, async (_, tasks, increments) =>
    {
        ICounter counter = create();
        await ConcurrentIncrements.RunAsync(tasks, increments, counter.Increment);
        return counter.Read();
    });

    public static Form Channel { get; } = new("Channel<int> + one counting reader", async (_, tasks, increments) =>
    {
        var counter = new ChannelCounter();
        await ConcurrentIncrements.RunAsync(tasks, increments, counter.Increment);
        return await counter.CompleteAsync();
    });

    public static Form Actor { get; } = new("CounterActor (Tell, then one Ask)", async (context, tasks, increments) =>
    {
        IActorRef counter = context.ActorSystem.ActorOf(CounterActor.Props());
        try
        {
            await ConcurrentIncrements.RunAsync(tasks, increments, () => counter.Tell(CounterProtocol.Increment.Instance));
            var count = await counter.Ask<CounterProtocol.Count>(
                CounterProtocol.GetCount.Instance, TimeSpan.FromSeconds(10), context.CancellationToken);
            return checked((int)count.Value);
        }
        finally
        {
            context.ActorSystem.Stop(counter);
        }
    });

    /// <summary>The totals one form reached over the runs.</summary>
    public sealed record Totals(string Form, int Expected, IReadOnlyList<int> PerRun)
    {
        public int Min => PerRun.Min();

        public int Max => PerRun.Max();

        public int RunsWithLostUpdates => PerRun.Count(t => t != Expected);

        public bool AllExact => RunsWithLostUpdates == 0;
    }

    /// <summary>The options the fixed-counter demonstrations (tasks 2–4) read: one increment per task, the exercise as written.</summary>
    public static IReadOnlyList<System.CommandLine.Option> Options { get; } = [RunOptions.Runs.Option, RunOptions.Tasks.Option];

    /// <summary>Runs every form <c>--runs</c> times with <c>--tasks</c> tasks, one increment each, and prints one row per form.</summary>
    public static Task<IReadOnlyList<Totals>> MeasureAsync(DemoContext context, params Form[] forms) => MeasureAsync(context, 1, forms);

    /// <summary>Runs every form <c>--runs</c> times with <c>--tasks</c> tasks of <paramref name="increments"/> each and prints one row per form.</summary>
    public static async Task<IReadOnlyList<Totals>> MeasureAsync(DemoContext context, int increments, params Form[] forms)
    {
        int runs = context.Get(RunOptions.Runs);
        int tasks = context.Get(RunOptions.Tasks);
        var results = new List<Totals>();
        await context.Console.Status().StartAsync("measuring", async status =>
        {
            foreach (Form form in forms)
            {
                var perRun = new int[runs];
                for (int run = 0; run < runs; run++)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    status.Status($"{Markup.Escape(form.Name)}: run {run + 1} of {runs}, {tasks} tasks x {increments} increments");
                    perRun[run] = await form.RunOnceAsync(context, tasks, increments);
                }

                results.Add(new Totals(form.Name, checked(tasks * increments), perRun));
            }
        });

        var table = new Table().Border(TableBorder.Rounded)
            .Title(increments == 1 ? $"{tasks:N0} tasks released together, each incrementing once" : $"{tasks:N0} tasks released together, each incrementing {increments:N0} times in a row")
            .AddColumns("form", "runs", "expected", "smallest total", "largest total", "runs that lost updates");
        foreach (Totals t in results)
        {
            string lost = t.AllExact ? "[green]0[/]" : $"[red]{t.RunsWithLostUpdates}[/]";
            table.AddRow(Markup.Escape(t.Form), runs.ToString(), t.Expected.ToString("N0"), t.Min.ToString("N0"), t.Max.ToString("N0"), lost);
        }

        context.Console.Write(table);
        return results;
    }

    /// <summary>The tour's one-line evidence for forms that must never lose an update.</summary>
    public static DemoOutcome ExactOutcome(IReadOnlyList<Totals> results) => new(
        results.All(r => r.AllExact),
        string.Join("; ", results.Select(r => $"{r.Form}: {r.PerRun.Count(t => t == r.Expected)}/{r.PerRun.Count} runs = {r.Expected:N0}")));
}
