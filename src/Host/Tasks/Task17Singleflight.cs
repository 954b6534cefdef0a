using System.CommandLine;
using System.Diagnostics;
using ActorConcurrency.Actors.Singleflight;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Singleflight;
using Akka.Actor;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 17: singleflight. For each form (lock + dictionary group, the Lazy idiom, the coordinator actor),
/// <c>--callers</c> concurrent callers ask for one key while the leader's compute is held at a gate until
/// every caller has joined (for the actor: until the coordinator itself reports that many waiters), then the
/// gate opens. It counts how many times the compute ran and how many callers got a shared result, repeated
/// <c>--runs</c> times; then it makes the leader throw, once a fault and once an <see cref="OperationCanceledException"/>,
/// and counts the callers that got that very exception and those whose task ended canceled.
/// </summary>
internal sealed class Task17Singleflight : CatalogTask
{
    /// <summary>How many concurrent callers ask for the same key.</summary>
    public static readonly TaskOption<int> Callers = new(
        "--callers", "How many concurrent callers ask for one key (task 17)", 100, v => v is < 1 or > 100_000 ? "must be from 1 to 100000" : null);

    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    public override TaskInfo Info { get; } = new(
        17,
        "Singleflight",
        "singleflight: suppress duplicate concurrent calls",
        "Singleflight",
        SharedStateTypes: ["SingleflightGroup<TKey,TValue>", "LazySingleflight<TKey,TValue>"],
        ActorTypes: ["SingleflightCoordinator<TKey,TValue>"],
        Specs: ["SingleflightGroupSpec", "LazySingleflightSpec", "SingleflightCoordinatorSpec"],
        Benchmark: "SingleflightBenchmarks");

    public override IReadOnlyList<Option> Options => [RunOptions.Runs.Option, Callers.Option];

    /// <summary>One form: joins (or starts) the flight for a key and returns the caller's pending result.</summary>
    private sealed record Form(
        string Name,
        Func<string, Func<Task<int>>, Task<(int Value, bool Shared)>> Do,
        Func<string, Task<int?>> RegisteredWaiters,
        Action Dispose);

    /// <summary>What one run of one form measured.</summary>
    private sealed record RunResult(int Computes, int Shared, int DistinctValues, int? Registered, TimeSpan Elapsed);

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        int runs = context.Get(RunOptions.Runs);
        int callers = context.Get(Callers);
        Func<Form>[] forms = [Group, Lazy, () => Actor(context.ActorSystem)];

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{callers} concurrent callers of one key, leader held until all joined, {runs} runs per form[/]")
            .AddColumns("form", "computes per run", "shared results per run", "distinct values", "waiters registered (as reported)", "indicative µs per run");
        var failures = new Table().Border(TableBorder.Rounded)
            .Title("[bold]The leader's compute throws: a fault, then a cancellation[/]")
            .AddColumns("form", "compute throws", "callers", "computes", "callers that got its own exception", "callers whose task was canceled");

        bool held = true;
        var evidence = new List<string>();
        foreach (Func<Form> create in forms)
        {
            var results = new List<RunResult>();
            string name = string.Empty;
            for (int run = 0; run < runs; run++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                Form form = create();
                name = form.Name;
                try
                {
                    results.Add(await MeasureOnceAsync(form, callers));
                }
                finally
                {
                    form.Dispose();
                }
            }

            bool failuresHeld = true;
            foreach (Exception thrown in new Exception[] { new InvalidOperationException("the leader's compute failed"), new OperationCanceledException("the leader's compute was canceled") })
            {
                Form failing = create();
                (int failedComputes, int gotException, int canceled) = await MeasureFailureAsync(failing, callers, thrown);
                failing.Dispose();
                int expectedCanceled = thrown is OperationCanceledException ? callers : 0;
                failuresHeld &= failedComputes == 1 && gotException == callers && canceled == expectedCanceled;
                failures.AddRow(
                    Markup.Escape(name), thrown.GetType().Name, callers.ToString(), Colour(failedComputes, 1), Colour(gotException, callers), Colour(canceled, expectedCanceled));
            }

            // Go's shared: every caller, the leader included, when anybody joined; nobody when the leader was alone.
            int expectedShared = callers > 1 ? callers : 0;
            bool formHeld = results.All(r => r.Computes == 1 && r.Shared == expectedShared && r.DistinctValues == 1)
                && failuresHeld;
            held &= formHeld;
            table.AddRow(
                Markup.Escape(name),
                Range(results.Select(r => r.Computes), expected: 1),
                Range(results.Select(r => r.Shared), expected: expectedShared),
                Range(results.Select(r => r.DistinctValues), expected: 1),
                results[0].Registered is null ? "[grey]n/a (joining is synchronous)[/]" : Range(results.Select(r => r.Registered!.Value), expected: callers),
                $"{results.Average(r => r.Elapsed.TotalMicroseconds):0}");
            evidence.Add($"{name}: {results.Count(r => r.Computes == 1)}/{runs} runs computed once");
        }

        context.Console.Write(table);
        context.Console.Write(failures);
        context.Console.MarkupLine("[grey]Timings are indicative (one process, no warm-up); see SingleflightBenchmarks for the real figures.[/]");
        return new DemoOutcome(held, $"{callers} callers per run -> " + string.Join("; ", evidence));
    }

    private static string Colour(int value, int expected) => value == expected ? $"[green]{value}[/]" : $"[red]{value}[/]";

    private static string Range(IEnumerable<int> values, int expected)
    {
        int[] all = values.ToArray();
        int min = all.Min(), max = all.Max();
        string text = min == max ? min.ToString() : $"{min}–{max}";
        return min == expected && max == expected ? $"[green]{text}[/]" : $"[red]{text}[/]";
    }

    private static async Task<RunResult> MeasureOnceAsync(Form form, int callers)
    {
        int computes = 0;
        int joined = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allJoined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<Task<int>> compute = async () =>
        {
            int value = Interlocked.Increment(ref computes);
            await release.Task.ConfigureAwait(false);
            return value;
        };

        var watch = Stopwatch.StartNew();
        Task<(int Value, bool Shared)>[] running = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            await start.Task.ConfigureAwait(false);
            Task<(int Value, bool Shared)> pending = form.Do("key", compute);
            if (Interlocked.Increment(ref joined) == callers)
            {
                allJoined.SetResult();
            }

            return await pending.ConfigureAwait(false);
        })).ToArray();

        start.SetResult();
        await allJoined.Task.WaitAsync(Hang).ConfigureAwait(false);
        int? registered = await form.RegisteredWaiters("key").ConfigureAwait(false);
        release.SetResult();
        (int Value, bool Shared)[] results = await Task.WhenAll(running).WaitAsync(Hang).ConfigureAwait(false);
        watch.Stop();

        return new RunResult(computes, results.Count(r => r.Shared), results.Select(r => r.Value).Distinct().Count(), registered, watch.Elapsed);
    }

    private static async Task<(int Computes, int GotException, int Canceled)> MeasureFailureAsync(Form form, int callers, Exception failure)
    {
        int computes = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<Task<int>> compute = async () =>
        {
            Interlocked.Increment(ref computes);
            await release.Task.ConfigureAwait(false);
            throw failure;
        };

        Task<(int Value, bool Shared)>[] waiters = Enumerable.Range(0, callers).Select(_ => form.Do("key", compute)).ToArray();
        await form.RegisteredWaiters("key").ConfigureAwait(false);
        release.SetResult();
        int gotException = 0;
        int canceled = 0;
        foreach (Task<(int Value, bool Shared)> waiter in waiters)
        {
            try
            {
                await waiter.WaitAsync(Hang).ConfigureAwait(false);
            }
            catch (Exception e) when (ReferenceEquals(e, failure))
            {
                gotException++;
            }

            canceled += waiter.IsCanceled ? 1 : 0;
        }

        return (computes, gotException, canceled);
    }

    private static Form Group()
    {
        var group = new SingleflightGroup<string, int>();
        return new Form("SingleflightGroup (lock + TCS)", DoWith(group), _ => Task.FromResult<int?>(null), () => { });
    }

    private static Form Lazy()
    {
        var idiom = new LazySingleflight<string, int>();
        return new Form("LazySingleflight (Lazy<Task>)", DoWith(idiom), _ => Task.FromResult<int?>(null), () => { });
    }

    private static Func<string, Func<Task<int>>, Task<(int Value, bool Shared)>> DoWith(ISingleflight<string, int> singleflight) =>
        async (key, compute) =>
        {
            SingleflightResult<int> result = await singleflight.DoAsync(key, compute).ConfigureAwait(false);
            return (result.Value, result.Shared);
        };

    private static Form Actor(ActorSystem system)
    {
        IActorRef coordinator = system.ActorOf(SingleflightCoordinator<string, int>.Props());
        return new Form(
            "SingleflightCoordinator (actor)",
            async (key, compute) =>
            {
                var result = await coordinator.DoAsync(key, compute, Hang).ConfigureAwait(false);
                return (result.Value, result.Shared);
            },
            async key => (await coordinator.Ask<SingleflightProtocol.WaiterCount<string>>(
                new SingleflightProtocol.GetWaiterCount<string>(key), Hang).ConfigureAwait(false)).Count,
            () => system.Stop(coordinator));
    }
}
