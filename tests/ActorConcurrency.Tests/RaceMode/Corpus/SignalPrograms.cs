namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Signals that reach a waiter through something other than the primitive's own wait: the <c>WaitHandle</c> of a
/// <c>CountdownEvent</c> or <c>ManualResetEventSlim</c>, a semaphore's <c>AvailableWaitHandle</c>, a task's
/// <c>AsyncWaitHandle</c>, the kernel <c>Semaphore</c> (by Go's channel-as-semaphore rule, as <c>SemaphoreSlim</c>), and cancellation (<c>Cancel</c> happens before every observation of it, as closing a Go
/// channel happens before a receive that sees it closed). Each race-free program is ordered by the contract alone.
/// </summary>
internal static class SignalPrograms
{
    /// <summary>A wait on the countdown's handle returns once every Signal happened.</summary>
    [Expect(Verdict.RaceFree)]
    public static void CountdownWaitHandle()
    {
        int[] slots = new int[3];
        using var done = new CountdownEvent(slots.Length);
        for (int i = 0; i < slots.Length; i++)
        {
            int slot = i;
            ThreadPool.QueueUserWorkItem(_ =>
            {
                slots[slot] = slot + 1;
                done.Signal();
            });
        }

        done.WaitHandle.WaitOne();
        GC.KeepAlive(slots.Sum());
    }

    [Expect(Verdict.RaceFree)]
    public static void EventSlimWaitHandle()
    {
        var cell = new Cell();
        using var ready = new ManualResetEventSlim();
        Task writer = Task.Run(() =>
        {
            cell.Value = 1;
            ready.Set();
        });
        WaitHandle.WaitAny([ready.WaitHandle]);
        cell.Value++;
        writer.Wait();
    }

    /// <summary>The handle is set by a release: a waiter on it is ordered after the releases so far.</summary>
    [Expect(Verdict.RaceFree)]
    public static void SemaphoreAvailableWaitHandle()
    {
        var cell = new Cell();
        using var semaphore = new SemaphoreSlim(0);
        Task writer = Task.Run(() =>
        {
            cell.Value = 1;
            semaphore.Release();
        });
        semaphore.AvailableWaitHandle.WaitOne();
        cell.Value++;
        writer.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static void TaskAsyncWaitHandle()
    {
        var cell = new Cell();
        Task writer = Task.Run(() => cell.Value = 1);
        ((IAsyncResult)writer).AsyncWaitHandle.WaitOne();
        cell.Value++;
    }

    /// <summary>The cancelling side's writes before Cancel happen before the observer's reads after it.</summary>
    [Expect(Verdict.RaceFree)]
    public static void CancellationPolled()
    {
        var cell = new Cell();
        using var stop = new CancellationTokenSource();
        CancellationToken token = stop.Token;
        Task observer = Task.Run(() =>
        {
            while (!token.IsCancellationRequested)
            {
                Thread.Yield();
            }

            return cell.Value;
        });
        cell.Value = 1;
        stop.Cancel();
        observer.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static void CancellationThrown()
    {
        var cell = new Cell();
        using var stop = new CancellationTokenSource();
        Task observer = Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    Thread.Yield();
                }
            }
            catch (OperationCanceledException)
            {
                return cell.Value;
            }
        });
        cell.Value = 1;
        stop.Cancel();
        observer.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static void CancellationWaitHandle()
    {
        var cell = new Cell();
        using var stop = new CancellationTokenSource();
        Task canceller = Task.Run(async () =>
        {
            cell.Value = 1;
            await stop.CancelAsync();
            Thread.Sleep(50);
        });
        stop.Token.WaitHandle.WaitOne();
        cell.Value++;
        canceller.Wait();
    }

    /// <summary>A cancelled <c>Task.Delay</c> is completed by the framework: awaiting it is ordered after Cancel.</summary>
    [Expect(Verdict.RaceFree)]
    public static void CancelledDelayAwaited()
    {
        var cell = new Cell();
        using var stop = new CancellationTokenSource();
        Task<int> observer = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            return cell.Value;
        });
        cell.Value = 1;
        stop.Cancel();
        observer.Wait();
    }

    /// <summary>A cancellation callback is forked at its registration; the waiter it signals is ordered after it.</summary>
    [Expect(Verdict.RaceFree)]
    public static void CancellationCallbackOnTimer()
    {
        var cell = new Cell();
        using var stop = new CancellationTokenSource();
        using var done = new ManualResetEventSlim();
        cell.Value = 1;
        stop.Token.Register(() =>
        {
            cell.Value++;
            done.Set();
        });
        stop.CancelAfter(1);
        done.Wait();
        cell.Value++;
    }

    /// <summary>A write after CancelAfter is not ordered with the callback the timer runs.</summary>
    [Expect(Verdict.Racy)]
    public static void CancellationCallbackRacesWithWriteAfterCancelAfter()
    {
        var cell = new Cell();
        var ran = new Cell();
        using var stop = new CancellationTokenSource();
        stop.Token.Register(() =>
        {
            cell.Value++;
            Volatile.Write(ref ran.Value, 1);
        });
        stop.CancelAfter(1);
        cell.Value = 2;
        while (Volatile.Read(ref ran.Value) == 0)
        {
            Thread.Yield();
        }
    }

    /// <summary>A wait that throws because its token was cancelled observes the cancellation (caught by the waiter).</summary>
    [Expect(Verdict.RaceFree)]
    public static void CancelledSemaphoreWaitCaught()
    {
        var cell = new Cell();
        using var stop = new CancellationTokenSource();
        using var never = new SemaphoreSlim(0);
        Task<int> waiter = Task.Run(() =>
        {
            try
            {
                never.Wait(stop.Token);
                return 0;
            }
            catch (OperationCanceledException)
            {
                return cell.Value;
            }
        });
        cell.Value = 1;
        stop.Cancel();
        waiter.Wait();
    }

    /// <summary>The same through a blocking collection's Take, caught as any exception.</summary>
    [Expect(Verdict.RaceFree)]
    public static void CancelledTakeCaughtAsException()
    {
        var cell = new Cell();
        using var stop = new CancellationTokenSource();
        using var empty = new System.Collections.Concurrent.BlockingCollection<int>();
        Task<int> taker = Task.Run(() =>
        {
            try
            {
                return empty.Take(stop.Token);
            }
            catch (Exception)
            {
                return cell.Value;
            }
        });
        cell.Value = 1;
        stop.Cancel();
        taker.Wait();
    }

    /// <summary>A source linked to a cancelled one is cancelled after it.</summary>
    [Expect(Verdict.RaceFree)]
    public static void CancellationLinked()
    {
        var cell = new Cell();
        using var outer = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(outer.Token);
        Task observer = Task.Run(() =>
        {
            while (!linked.IsCancellationRequested)
            {
                Thread.Yield();
            }

            cell.Value++;
        });
        cell.Value = 1;
        outer.Cancel();
        observer.Wait();
    }

    /// <summary>A write after Cancel is not ordered with the observer (Go: a write after close races with the receiver).</summary>
    [Expect(Verdict.Racy)]
    public static void WriteAfterCancel()
    {
        var cell = new Cell();
        using var stop = new CancellationTokenSource();
        Task observer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Thread.Yield();
            }

            return cell.Value;
        });
        stop.Cancel();
        cell.Value = 1;
        observer.Wait();
    }

    /// <summary>Two cancellation sources: cancelling one orders nothing for an observer of the other.</summary>
    [Expect(Verdict.Racy)]
    public static void CancellationOfAnotherSource()
    {
        var cell = new Cell();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        Task observer = Task.Run(() =>
        {
            while (!first.IsCancellationRequested)
            {
                Thread.Yield();
            }

            return cell.Value;
        });
        Task other = Task.Run(() =>
        {
            cell.Value = 1;
            second.Cancel();
        });
        first.Cancel();
        Task.WaitAll(observer, other);
    }

    /// <summary>A wait on a countdown's handle that is not yet zero orders nothing with the missing signaller.</summary>
    [Expect(Verdict.Racy)]
    public static void CountdownHandleBeforeLastSignal()
    {
        var cell = new Cell();
        using var started = new CountdownEvent(1);
        Task worker = Task.Run(() =>
        {
            started.Signal();
            cell.Value = 1;
        });
        started.WaitHandle.WaitOne();
        cell.Value = 2;
        worker.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static void KernelSemaphoreAsMutex()
    {
        var cell = new Cell();
        using var mutex = new Semaphore(1, 1);
        Task[] workers = [.. Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            mutex.WaitOne();
            cell.Value++;
            mutex.Release();
        }))];
        Task.WaitAll(workers);
    }

    /// <summary>The kernel semaphore by Go's channel-as-semaphore rule: two holders on its initial counts race.</summary>
    [Expect(Verdict.Racy)]
    public static void KernelSemaphoreCountTwoHolders()
    {
        var cell = new Cell();
        using var semaphore = new Semaphore(2, 2);
        Task[] holders = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            semaphore.WaitOne();
            cell.Value++;
            semaphore.Release();
        }))];
        Task.WaitAll(holders);
    }

    /// <summary>The third holder of a count-2 kernel semaphore waited for a release: it comes after that holder.</summary>
    [Expect(Verdict.RaceFree)]
    public static void KernelSemaphoreThirdHolderAfterARelease()
    {
        var first = new Cell();
        var second = new Cell();
        using var semaphore = new Semaphore(2, 3);
        semaphore.WaitOne();
        WaitHandle.WaitAll([semaphore]);
        Task third = Task.Run(() =>
        {
            semaphore.WaitOne();
            first.Value++;
            second.Value++;
        });
        first.Value = 1;
        second.Value = 2;
        semaphore.Release(2);
        third.Wait();
    }

    /// <summary><c>Cancel</c> runs the registered callbacks before it returns: the task's end, after Cancel, follows them.</summary>
    [Expect(Verdict.RaceFree)]
    public static void CancelRunsCallbacksBeforeItReturns()
    {
        var cell = new Cell();
        using var source = new CancellationTokenSource();
        source.Token.Register(() => cell.Value++);
        Task.Run(() =>
        {
            cell.Value = 1;
            source.Cancel();
        }).Wait();
        cell.Value++;
    }

    /// <summary>A callback registered on a token already cancelled runs inside <c>Register</c>.</summary>
    [Expect(Verdict.RaceFree)]
    public static void RegisterOnACancelledTokenRunsTheCallbackAtOnce()
    {
        var cell = new Cell();
        using var source = new CancellationTokenSource();
        source.Cancel();
        Task.Run(() => source.Token.Register(() => cell.Value++)).Wait();
        cell.Value++;
    }

    /// <summary>The parent's <c>Cancel</c> cancels a linked source inside it, running the linked source's callbacks.</summary>
    [Expect(Verdict.RaceFree)]
    public static void ParentCancelRunsALinkedSourcesCallbacks()
    {
        var cell = new Cell();
        using var parent = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(parent.Token);
        linked.Token.Register(() => cell.Value++);
        Task.Run(parent.Cancel).Wait();
        cell.Value++;
    }

    /// <summary>A callback run by the timer of <c>CancelAfter</c> races with what the caller does meanwhile.</summary>
    [Expect(Verdict.Racy)]
    public static void CallbackOfCancelAfterRacesWithTheCaller()
    {
        var cell = new Cell();
        using var source = new CancellationTokenSource();
        using var ran = new ManualResetEventSlim();
        source.Token.Register(() =>
        {
            cell.Value++;
            ran.Set();
        });
        source.CancelAfter(1);
        cell.Value++;
        ran.Wait();
    }

    /// <summary>Sleeping until a timer's callback has surely run orders nothing (Go: <c>time.Sleep</c>).</summary>
    [Expect(Verdict.Racy)]
    public static async Task DelayDoesNotOrderATimerCallback()
    {
        var cell = new Cell();
        using var timer = new Timer(_ => cell.Value++, null, 0, Timeout.Infinite);
        await Task.Delay(200);
        cell.Value++;
    }

    private sealed class Cell
    {
        public int Value;
    }
}
