using System.Diagnostics;
using ActorConcurrency.Actors.Singleflight;
using ActorConcurrency.SharedState.Singleflight;
using Akka.Actor;

namespace ActorConcurrency.Demonstrations.Singleflight;

/// <summary>
/// Task 17: singleflight. For each form (lock + dictionary group, the Lazy idiom, the coordinator actor), many
/// concurrent callers ask for one key while the leader's compute is held at a gate until every caller has joined (for
/// the actor: until the coordinator itself reports that many waiters), then the gate opens. It counts how many times
/// the compute ran and how many callers got a shared result; then it makes the leader throw, once a fault and once an
/// <see cref="OperationCanceledException"/>, and counts the callers that got that very exception and those whose task
/// ended canceled.
/// </summary>
public static class SingleflightExperiment
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    /// <summary>One form: joins (or starts) the flight for a key and returns the caller's pending result.</summary>
    private sealed record Form(
        string Name,
        Func<string, Func<Task<int>>, Task<(int Value, bool Shared)>> Do,
        Func<string, Task<int?>> RegisteredWaiters,
        Action Dispose);

    /// <summary>Measures every form <see cref="SingleflightSettings.Runs"/> times, then its two failures.</summary>
    public static async Task<DuplicateSuppressionResult> RunAsync(SingleflightSettings settings, ActorSystem system, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Func<Form>[] creators = [Group, Lazy, () => Actor(system)];
        var forms = new List<SingleflightForm>(creators.Length);
        foreach (Func<Form> create in creators)
        {
            var runs = new List<FlightRun>(settings.Runs);
            string name = string.Empty;
            for (int run = 0; run < settings.Runs; run++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Form form = create();
                name = form.Name;
                try
                {
                    runs.Add(await MeasureOnceAsync(form, settings.Callers).ConfigureAwait(false));
                }
                finally
                {
                    form.Dispose();
                }
            }

            var failures = new List<FlightFailure>(2);
            foreach (Exception thrown in new Exception[] { new InvalidOperationException("the leader's compute failed"), new OperationCanceledException("the leader's compute was canceled") })
            {
                Form failing = create();
                failures.Add(await MeasureFailureAsync(failing, settings.Callers, thrown).ConfigureAwait(false));
                failing.Dispose();
            }

            forms.Add(new SingleflightForm(name, runs, failures));
        }

        return new DuplicateSuppressionResult(settings.Runs, settings.Callers, forms);
    }

    private static async Task<FlightRun> MeasureOnceAsync(Form form, int callers)
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

        return new FlightRun(computes, results.Count(r => r.Shared), results.Select(r => r.Value).Distinct().Count(), registered, watch.Elapsed.TotalMicroseconds);
    }

    private static async Task<FlightFailure> MeasureFailureAsync(Form form, int callers, Exception failure)
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

        int expectedCanceled = failure is OperationCanceledException ? callers : 0;
        return new FlightFailure(failure.GetType().Name, callers, computes, gotException, canceled, expectedCanceled);
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
