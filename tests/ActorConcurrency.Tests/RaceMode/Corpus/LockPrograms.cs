namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Go's mutex, rwmutex and waitgroup race tests in plain C#: <c>lock</c>, <c>System.Threading.Lock</c>,
/// <c>ReaderWriterLockSlim</c>, <c>SemaphoreSlim</c>, <c>CountdownEvent</c>, <c>Barrier</c> and the events. Each racy
/// program races in every schedule by the primitive's contract (Go's rules), not only in unlucky ones.
/// </summary>
internal static class LockPrograms
{
    [Expect(Verdict.RaceFree)]
    public static void LockCounter()
    {
        var cell = new Cell();
        var gate = new Lock();
        Task[] workers = [.. Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                lock (gate)
                {
                    cell.Value++;
                }
            }
        }))];
        Task.WaitAll(workers);
    }

    /// <summary>Go's TestRaceMutex2-like: one side takes the lock, the other does not.</summary>
    [Expect(Verdict.Racy)]
    public static void LockOnOneSideOnly()
    {
        var cell = new Cell();
        var gate = new Lock();
        Task locked = Task.Run(() =>
        {
            using (gate.EnterScope())
            {
                cell.Value = 1;
            }
        });
        cell.Value = 2;
        locked.Wait();
    }

    /// <summary>Two different locks order nothing.</summary>
    [Expect(Verdict.Racy)]
    public static void MonitorsOnDifferentObjects()
    {
        var cell = new Cell();
        object a = new(), b = new();
        Task first = Task.Run(() =>
        {
            lock (a)
            {
                cell.Value++;
            }
        });
        lock (b)
        {
            cell.Value++;
        }

        first.Wait();
    }

    /// <summary>Read locks do not order readers: two readers that write race (Go's TestRaceRWMutexMultipleReaders).</summary>
    [Expect(Verdict.Racy)]
    public static void ReadersWriteUnderReadLock()
    {
        var cell = new Cell();
        using var rw = new ReaderWriterLockSlim();
        Task[] readers = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            rw.EnterReadLock();
            try
            {
                cell.Value++;
            }
            finally
            {
                rw.ExitReadLock();
            }
        }))];
        Task.WaitAll(readers);
    }

    [Expect(Verdict.RaceFree)]
    public static void ReaderAndWriterUnderRwLock()
    {
        var cell = new Cell();
        using var rw = new ReaderWriterLockSlim();
        Task writer = Task.Run(() =>
        {
            rw.EnterWriteLock();
            cell.Value = 1;
            rw.ExitWriteLock();
        });
        Task<int>[] readers = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            if (!rw.TryEnterReadLock(Timeout.Infinite))
            {
                return -1;
            }

            try
            {
                return cell.Value;
            }
            finally
            {
                rw.ExitReadLock();
            }
        }))];
        Task.WaitAll([writer, .. readers]);
    }

    [Expect(Verdict.RaceFree)]
    public static void UpgradeableReadersAreOrdered()
    {
        var cell = new Cell();
        using var rw = new ReaderWriterLockSlim();
        Task[] upgraders = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            rw.EnterUpgradeableReadLock();
            if (cell.Value < 10)
            {
                rw.EnterWriteLock();
                cell.Value++;
                rw.ExitWriteLock();
            }

            rw.ExitUpgradeableReadLock();
        }))];
        Task.WaitAll(upgraders);
    }

    [Expect(Verdict.RaceFree)]
    public static void SpinLockInAFieldGuardsADictionary()
    {
        var guarded = new SpinGuarded();
        Task[] workers = [.. Enumerable.Range(0, 3).Select(i => Task.Run(() =>
        {
            for (int n = 0; n < 20; n++)
            {
                guarded.Put(i * 100 + n);
            }
        }))];
        Task.WaitAll(workers);
    }

    /// <summary>Two SpinLocks in two objects order nothing between them.</summary>
    [Expect(Verdict.Racy)]
    public static void SpinLocksOfDifferentObjects()
    {
        var shared = new Dictionary<int, int>();
        var first = new SpinGuarded(shared);
        var second = new SpinGuarded(shared);
        Task.WaitAll(Task.Run(() => first.Put(1)), Task.Run(() => second.Put(2)));
    }

    [Expect(Verdict.RaceFree)]
    public static void SemaphoreAsMutex()
    {
        var cell = new Cell();
        using var mutex = new SemaphoreSlim(1);
        Task[] workers = [.. Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await mutex.WaitAsync();
            cell.Value++;
            mutex.Release();
        }))];
        Task.WaitAll(workers);
    }

    /// <summary>A count-2 semaphore lets two holders in on its initial counts: they race (Go's channel-as-semaphore rule).</summary>
    [Expect(Verdict.Racy)]
    public static void CountTwoSemaphoreHolders()
    {
        var cell = new Cell();
        using var semaphore = new SemaphoreSlim(2);
        Task[] holders = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            semaphore.Wait();
            cell.Value++;
            semaphore.Release();
        }))];
        Task.WaitAll(holders);
    }

    /// <summary>The third holder of a count-2 semaphore waited for a release: it comes after that holder.</summary>
    [Expect(Verdict.RaceFree)]
    public static async Task CountTwoSemaphoreThirdHolderAfterARelease()
    {
        var first = new Cell();
        var second = new Cell();
        using var semaphore = new SemaphoreSlim(2);
        await semaphore.WaitAsync();
        semaphore.Wait();
        Task third = Task.Run(async () =>
        {
            await semaphore.WaitAsync();
            first.Value++;
            second.Value++;
        });
        first.Value = 1;
        second.Value = 2;
        semaphore.Release(2);
        await third;
    }

    /// <summary>A release orders what came before it, not what the releaser does after.</summary>
    [Expect(Verdict.Racy)]
    public static void WriteAfterSemaphoreRelease()
    {
        var cell = new Cell();
        using var signal = new SemaphoreSlim(0);
        Task releaser = Task.Run(() =>
        {
            signal.Release();
            cell.Value = 1;
        });
        signal.Wait();
        cell.Value = 2;
        releaser.Wait();
    }

    /// <summary>Go's WaitGroup: every Done happens before Wait returns.</summary>
    [Expect(Verdict.RaceFree)]
    public static void CountdownAsWaitGroup()
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

        done.Wait();
        GC.KeepAlive(slots.Sum());
    }

    /// <summary>Signal releases, it does not acquire: two workers that write after signalling race.</summary>
    [Expect(Verdict.Racy)]
    public static void WritesAfterCountdownSignal()
    {
        var cell = new Cell();
        using var done = new CountdownEvent(2);
        Task[] workers = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            done.Signal();
            cell.Value++;
        }))];
        Task.WaitAll(workers);
    }

    /// <summary>TryAddCount acquires nothing (the WaitGroup.Add rule).</summary>
    [Expect(Verdict.Racy)]
    public static void CountdownTryAddCountOrdersNothing()
    {
        var cell = new Cell();
        using var pending = new CountdownEvent(1);
        Task worker = Task.Run(() =>
        {
            cell.Value = 1;
            pending.AddCount();
        });
        while (!pending.TryAddCount())
        {
        }

        cell.Value = 2;
        worker.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static void BarrierPhaseExchange()
    {
        int[] slots = new int[2];
        using var barrier = new Barrier(2);
        Task[] participants = [.. Enumerable.Range(0, 2).Select(i => Task.Run(() =>
        {
            slots[i] = i + 1;
            barrier.SignalAndWait();
            return slots[1 - i];
        }))];
        Task.WaitAll(participants);
    }

    [Expect(Verdict.RaceFree)]
    public static void BarrierPostPhaseActionPublishes()
    {
        var cell = new Cell();
        using var barrier = new Barrier(2, _ => cell.Value = 42);
        Task<int>[] participants = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            barrier.SignalAndWait();
            return cell.Value;
        }))];
        Task.WaitAll(participants);
    }

    /// <summary>Leaving the same phase orders nothing between the participants' later writes.</summary>
    [Expect(Verdict.Racy)]
    public static void WritesAfterTheSameBarrierPhase()
    {
        var cell = new Cell();
        using var barrier = new Barrier(2);
        Task[] participants = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            barrier.SignalAndWait();
            cell.Value++;
        }))];
        Task.WaitAll(participants);
    }

    [Expect(Verdict.RaceFree)]
    public static void EventSlimSetThenWait()
    {
        var cell = new Cell();
        using var ready = new ManualResetEventSlim();
        Task setter = Task.Run(() =>
        {
            cell.Value = 1;
            ready.Set();
        });
        ready.Wait();
        cell.Value++;
        setter.Wait();
    }

    /// <summary>Set releases, it does not acquire: two setters race.</summary>
    [Expect(Verdict.Racy)]
    public static void TwoSettersOfOneEvent()
    {
        var cell = new Cell();
        using var ready = new ManualResetEventSlim();
        Task[] setters = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            ready.Set();
            cell.Value++;
        }))];
        Task.WaitAll(setters);
    }

    [Expect(Verdict.RaceFree)]
    public static void AutoResetEventHandOff()
    {
        var cell = new Cell();
        using var handOff = new AutoResetEvent(false);
        var thread = new Thread(() =>
        {
            cell.Value = 1;
            handOff.Set();
        });
        thread.Start();
        handOff.WaitOne();
        cell.Value++;
        thread.Join();
    }

    private sealed class Cell
    {
        public int Value;
    }

    private sealed class SpinGuarded
    {
        private readonly Dictionary<int, int> _map;
        private SpinLock _lock = new(enableThreadOwnerTracking: false);

        public SpinGuarded(Dictionary<int, int>? map = null) => _map = map ?? [];

        public void Put(int key)
        {
            bool taken = false;
            try
            {
                _lock.Enter(ref taken);
                _map[key] = key;
            }
            finally
            {
                if (taken)
                {
                    _lock.Exit();
                }
            }
        }
    }
}
