namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Callbacks the framework runs (continuations, work items, parallel loop bodies, timer ticks, registered waits),
/// each as a race-free program (ordered by the callback's submission and by waiting for its completion) and a racy
/// one (an access after the submission that nothing orders with the callback). <see cref="CallbackSpec"/> runs them.
/// </summary>
internal static class CallbackShapes
{
    public static void ContinueWithJoined()
    {
        var cell = new Cell();
        cell.Value = 1;
        Task first = Task.Run(() => cell.Value++);
        Task second = first.ContinueWith(_ => cell.Value++, TaskScheduler.Default);
        second.Wait();
        cell.Value++;
    }

    public static void ContinueWithRacy()
    {
        var cell = new Cell();
        Task continuation = Task.Run(() => { }).ContinueWith(_ => cell.Value++);
        cell.Value++;
        continuation.Wait();
    }

    public static async Task ContinueWithResultJoined()
    {
        var cell = new Cell();
        int sum = await Task.Run(() =>
        {
            cell.Value = 1;
            return 2;
        }).ContinueWith(t => t.Result + cell.Value++);
        cell.Value += sum;
    }

    public static async Task ContinueWithResultRacy()
    {
        var cell = new Cell();
        Task<int> continuation = Task.Run(() => 1).ContinueWith(t => cell.Value = t.Result);
        cell.Value = 5;
        await continuation;
    }

    public static void ContinueWhenAllJoined()
    {
        var left = new Cell();
        var right = new Cell();
        Task[] writers = [Task.Run(() => left.Value = 1), Task.Run(() => right.Value = 2)];
        Task.Factory.ContinueWhenAll(writers, _ => left.Value += right.Value).Wait();
        right.Value = left.Value;
    }

    public static void ContinueWhenAllRacy()
    {
        var cell = new Cell();
        Task[] writers = [Task.Run(() => { }), Task.Run(() => { })];
        Task continuation = Task.Factory.ContinueWhenAll(writers, _ => cell.Value++);
        cell.Value++;
        continuation.Wait();
    }

    public static void QueueUserWorkItemSignalled()
    {
        var cell = new Cell { Value = 1 };
        using var done = new ManualResetEventSlim();
        ThreadPool.QueueUserWorkItem(
            _ =>
            {
                cell.Value++;
                done.Set();
            },
            null);
        done.Wait();
        cell.Value++;
    }

    public static void QueueUserWorkItemRacy()
    {
        var cell = new Cell();
        using var done = new ManualResetEventSlim();
        ThreadPool.QueueUserWorkItem(_ =>
        {
            cell.Value++;
            done.Set();
        });
        cell.Value++;
        done.Wait();
    }

    public static void UnsafeQueueUserWorkItemSignalled()
    {
        var cell = new Cell { Value = 1 };
        using var done = new ManualResetEventSlim();
        ThreadPool.UnsafeQueueUserWorkItem(
            c =>
            {
                c.Value++;
                done.Set();
            },
            cell,
            preferLocal: false);
        done.Wait();
        cell.Value++;
    }

    public static void UnsafeQueueUserWorkItemRacy()
    {
        var cell = new Cell();
        using var done = new ManualResetEventSlim();
        ThreadPool.UnsafeQueueUserWorkItem(
            c =>
            {
                c.Value++;
                done.Set();
            },
            cell,
            preferLocal: false);
        cell.Value++;
        done.Wait();
    }

    public static void ParallelForJoined()
    {
        var seed = new Cell { Value = 3 };
        int[] cells = new int[8];
        Parallel.For(0, cells.Length, i => cells[i] = i + seed.Value);
        seed.Value = cells.Sum();
    }

    public static void ParallelForRacy()
    {
        var cell = new Cell();
        Parallel.For(0, 8, _ => cell.Value++);
    }

    public static void ParallelForEachJoined()
    {
        var seed = new Cell { Value = 3 };
        Cell[] items = [new(), new(), new(), new()];
        Parallel.ForEach(items, item => item.Value = seed.Value);
        seed.Value = items.Sum(item => item.Value);
    }

    public static void ParallelForEachRacy()
    {
        var cell = new Cell();
        Parallel.ForEach(Enumerable.Range(0, 8), _ => cell.Value++);
    }

    public static void ParallelInvokeJoined()
    {
        var left = new Cell();
        var right = new Cell();
        Parallel.Invoke(() => left.Value = 1, () => right.Value = 2);
        left.Value += right.Value;
    }

    public static void ParallelInvokeRacy()
    {
        var cell = new Cell();
        Parallel.Invoke(() => cell.Value++, () => cell.Value++);
    }

    public static void ThreadingTimerJoined()
    {
        var cell = new Cell { Value = 1 };
        using var fired = new ManualResetEventSlim();
        using var timer = new Timer(
            _ =>
            {
                cell.Value++;
                fired.Set();
            },
            null,
            0,
            Timeout.Infinite);
        fired.Wait();
        cell.Value++;
    }

    public static void ThreadingTimerRacy()
    {
        var cell = new Cell();
        using var fired = new ManualResetEventSlim();
        using var timer = new Timer(
            _ =>
            {
                cell.Value++;
                fired.Set();
            },
            null,
            1,
            Timeout.Infinite);
        cell.Value++;
        fired.Wait();
    }

    public static void TimersTimerJoined()
    {
        var cell = new Cell();
        using var fired = new ManualResetEventSlim();
        using var timer = new System.Timers.Timer(1) { AutoReset = false };
        timer.Elapsed += (_, _) =>
        {
            cell.Value++;
            fired.Set();
        };
        cell.Value = 1;
        timer.Start();
        fired.Wait();
        cell.Value++;
    }

    public static void TimersTimerRacy()
    {
        var cell = new Cell();
        using var fired = new ManualResetEventSlim();
        using var timer = new System.Timers.Timer(1) { AutoReset = false };
        timer.Elapsed += (_, _) =>
        {
            cell.Value++;
            fired.Set();
        };
        timer.Start();
        cell.Value++;
        fired.Wait();
    }

    public static void RegisteredWaitSignalled()
    {
        var cell = new Cell();
        using var signal = new AutoResetEvent(false);
        using var done = new ManualResetEventSlim();
        RegisteredWaitHandle registration = ThreadPool.RegisterWaitForSingleObject(
            signal,
            (_, _) =>
            {
                cell.Value++;
                done.Set();
            },
            null,
            Timeout.Infinite,
            executeOnlyOnce: true);
        cell.Value = 1;
        signal.Set();
        done.Wait();
        cell.Value++;
        registration.Unregister(null);
    }

    public static void RegisteredWaitRacy()
    {
        var cell = new Cell();
        using var signal = new AutoResetEvent(false);
        using var done = new ManualResetEventSlim();
        RegisteredWaitHandle registration = ThreadPool.RegisterWaitForSingleObject(
            signal,
            (_, _) =>
            {
                cell.Value++;
                done.Set();
            },
            null,
            Timeout.Infinite,
            executeOnlyOnce: true);
        signal.Set();
        cell.Value++;
        done.Wait();
        registration.Unregister(null);
    }

    /// <summary>One shared field.</summary>
    private sealed class Cell
    {
        public int Value;
    }
}
