namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Go's atomic race tests (runtime/race/testdata/atomic_test.go) with <c>Interlocked</c> and <c>Volatile</c>: atomics
/// on one location are ordered with each other (sequentially consistent, as Go's), so a plain write published by an
/// atomic store or compare-exchange is seen by whoever atomically reads it; a plain access to the atomic location
/// itself races with the atomics.
/// </summary>
internal static class AtomicPrograms
{
    /// <summary>TestNoRaceAtomicCASLoadInt32: a write, then a compare-exchange; the other side spins on a load.</summary>
    [Expect(Verdict.RaceFree)]
    public static void CompareExchangeThenLoad()
    {
        var state = new State();
        Task writer = Task.Run(() =>
        {
            state.Data = 2;
            Interlocked.CompareExchange(ref state.Flag, 1, 0);
        });
        while (Volatile.Read(ref state.Flag) != 1)
        {
            Thread.Yield();
        }

        state.Data = 1;
        writer.Wait();
    }

    /// <summary>TestNoRaceAtomicAddInt64: counts by Interlocked from two tasks, read atomically after.</summary>
    [Expect(Verdict.RaceFree)]
    public static void InterlockedCounter()
    {
        var state = new State();
        Task.WaitAll(
            Task.Run(() => Interlocked.Add(ref state.Count, 1)),
            Task.Run(() => Interlocked.Add(ref state.Count, 2)));
        GC.KeepAlive(Interlocked.Read(ref state.Count));
    }

    /// <summary>TestRaceAtomicAddInt64-like: one side adds atomically, the other writes the same field plainly.</summary>
    [Expect(Verdict.Racy)]
    public static void AtomicAddAgainstPlainWrite()
    {
        var state = new State();
        Task adder = Task.Run(() => Interlocked.Increment(ref state.Count));
        state.Count = 5;
        adder.Wait();
    }

    /// <summary>A flag stored atomically orders the writes before it, not those after it.</summary>
    [Expect(Verdict.Racy)]
    public static void WriteAfterTheAtomicStore()
    {
        var state = new State();
        Task writer = Task.Run(() =>
        {
            Volatile.Write(ref state.Flag, 1);
            state.Data = 2;
        });
        while (Volatile.Read(ref state.Flag) != 1)
        {
            Thread.Yield();
        }

        state.Data = 1;
        writer.Wait();
    }

    /// <summary>Go's TestNoRaceMutexPureHappensBefore, with a lock and a plain flag read under it.</summary>
    [Expect(Verdict.RaceFree)]
    public static void FlagUnderLockThenWrite()
    {
        var state = new State();
        var gate = new object();
        Task writer = Task.Run(() =>
        {
            state.Data = 1;
            lock (gate)
            {
                state.Written = true;
            }
        });
        while (true)
        {
            bool written;
            lock (gate)
            {
                written = state.Written;
            }

            if (written)
            {
                break;
            }

            Thread.Yield();
        }

        state.Data = 2;
        writer.Wait();
    }

    /// <summary>ImmutableInterlocked.Update is a compare-and-swap loop on the field: it publishes what came before it.</summary>
    [Expect(Verdict.RaceFree)]
    public static void ImmutableInterlockedPublishes()
    {
        var state = new State();
        Task writer = Task.Run(() =>
        {
            state.Data = 1;
            System.Collections.Immutable.ImmutableInterlocked.Update(ref state.Items, items => items.Add(1));
        });
        while (Volatile.Read(ref state.Items).IsEmpty)
        {
            Thread.Yield();
        }

        state.Data++;
        writer.Wait();
    }

    /// <summary>A plain read of the field ImmutableInterlocked swaps, unordered with the swap: mixed atomic and plain access.</summary>
    [Expect(Verdict.Racy)]
    public static void PlainReadOfImmutableInterlockedField()
    {
        var state = new State();
        Task writer = Task.Run(() => System.Collections.Immutable.ImmutableInterlocked.Update(ref state.Items, items => items.Add(1)));
        GC.KeepAlive(state.Items);
        writer.Wait();
    }

    private sealed class State
    {
        public int Flag;
        public long Count;
        public int Data;
        public bool Written;
        public System.Collections.Immutable.ImmutableList<int> Items = System.Collections.Immutable.ImmutableList<int>.Empty;
    }
}
