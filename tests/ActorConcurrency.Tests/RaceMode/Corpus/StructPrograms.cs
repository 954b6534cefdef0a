namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Fields reached through a struct's own methods (<c>this</c> is a pointer to the field or array element the struct
/// lives in): a mutating method on a struct field or element is a plain access of that field, and an
/// <c>Interlocked</c> inside one is an atomic access of it, as in BitFaster.Caching's padded counters.
/// </summary>
internal static class StructPrograms
{
    /// <summary>Two tasks call a mutating method of one struct field without a lock.</summary>
    [Expect(Verdict.Racy)]
    public static void StructMethodOnSharedField()
    {
        var holder = new Holder();
        Task[] workers = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() => holder.Counter.Increment()))];
        Task.WaitAll(workers);
    }

    /// <summary>Each task has its own element: the struct methods touch disjoint elements.</summary>
    [Expect(Verdict.RaceFree)]
    public static void StructMethodOnOwnElements()
    {
        var counters = new PlainCounter[2];
        Task[] workers = [.. Enumerable.Range(0, 2).Select(i => Task.Run(() => counters[i].Increment()))];
        Task.WaitAll(workers);
        GC.KeepAlive(counters[0].Value + counters[1].Value);
    }

    /// <summary>Interlocked inside the struct's method: atomics never race with each other.</summary>
    [Expect(Verdict.RaceFree)]
    public static void AtomicStructMethods()
    {
        var holder = new Holder();
        Task[] workers = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() => holder.Atomic.Add(1)))];
        Task.WaitAll(workers);
        GC.KeepAlive(holder.Atomic.Read());
    }

    /// <summary>A plain read of the field an atomic struct method writes, unordered: a race (atomic store, plain read).</summary>
    [Expect(Verdict.Racy)]
    public static void PlainReadOfAtomicStructField()
    {
        var holder = new Holder();
        Task writer = Task.Run(() => holder.Atomic.Add(1));
        GC.KeepAlive(holder.Atomic.Value);
        writer.Wait();
    }

    /// <summary>A flag published by an atomic struct method orders the data written before it (Go's atomic publication).</summary>
    [Expect(Verdict.RaceFree)]
    public static void AtomicStructMethodPublishes()
    {
        var holder = new Holder();
        Task writer = Task.Run(() =>
        {
            holder.Data = 1;
            holder.Atomic.Add(1);
        });
        while (holder.Atomic.Read() == 0)
        {
            Thread.Yield();
        }

        holder.Data++;
        writer.Wait();
    }

    /// <summary>Two different atomic struct fields order nothing between a writer of one and a reader of the other.</summary>
    [Expect(Verdict.Racy)]
    public static void AtomicStructMethodsOnDifferentFields()
    {
        var holder = new Holder();
        Task writer = Task.Run(() =>
        {
            holder.Data = 1;
            holder.Other.Add(1);
        });
        holder.Atomic.Add(1);
        holder.Data++;
        writer.Wait();
    }

    private struct PlainCounter
    {
        public int Value;

        public void Increment() => Value++;
    }

    private struct AtomicCounter
    {
        public long Value;

        public void Add(long delta) => Interlocked.Add(ref Value, delta);

        public readonly long Read() => Volatile.Read(in Value);
    }

    private sealed class Holder
    {
        public PlainCounter Counter;
        public AtomicCounter Atomic;
        public AtomicCounter Other;
        public int Data;
    }
}
