using System.Collections.Concurrent;

namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// <c>Parallel.For</c>/<c>ForEach</c> with a thread-local state (<c>localInit</c>, body, <c>localFinally</c>) and over a
/// <c>Partitioner</c>: every call of a callback is its own logical thread, as every iteration is (Go: a goroutine per
/// iteration); a worker's local is handed from step to step (its steps are ordered by that hand-over, the steps of
/// different workers are not), and the loop's return joins them all. A racy program races with a task started before
/// the loop, so its verdict does not depend on how many workers the loop gets; the race-free ones sleep a little in the
/// body, so their hand-overs are exercised on more than one worker.
/// </summary>
internal static class ParallelPrograms
{
    private const int Iterations = 48;

    [Expect(Verdict.RaceFree)]
    public static void LocalSumsAddedWithInterlocked()
    {
        var total = new Cell();
        Parallel.For(0, Iterations, () => 0, (i, _, local) => Slow(local + i), local => Interlocked.Add(ref total.Value, local));
        total.Value++;
    }

    /// <summary>The classic bug of the local-state overloads, a total updated in <c>localFinally</c> without a lock: here against a task started before the loop (two workers' <c>localFinally</c> race too, when the loop runs on two).</summary>
    [Expect(Verdict.Racy)]
    public static void LocalSumAddedWithoutALock()
    {
        var total = new Cell();
        Task other = Task.Run(() => total.Value = 1);
        Parallel.For(0, Iterations, () => 0, (i, _, local) => local + i, local => total.Value += local);
        other.Wait();
    }

    /// <summary>A worker's own list, filled by its iterations one after another and merged under a lock: no race.</summary>
    [Expect(Verdict.RaceFree)]
    public static void LocalListPerWorkerMergedUnderALock()
    {
        var all = new List<int>();
        var gate = new object();
        Parallel.ForEach(
            Enumerable.Range(0, Iterations),
            () => new List<int>(),
            (x, _, mine) =>
            {
                mine.Add(Slow(x));
                return mine;
            },
            mine =>
            {
                lock (gate)
                {
                    all.AddRange(mine);
                }
            });
        GC.KeepAlive(all.Count);
    }

    [Expect(Verdict.Racy)]
    public static void LocalListsMergedWithoutALock()
    {
        // Room for every item, so the racing merges never grow the list: the race is real (items can be lost), but
        // it cannot throw. Unsized, two merges growing it at once failed inside AddRange ("Source array was not long
        // enough") in a CI run, and the program never got its verdict.
        var all = new List<int>(Iterations + 1);
        Task other = Task.Run(() => all.Add(-1));
        Parallel.ForEach(
            Enumerable.Range(0, Iterations),
            () => new List<int>(),
            (x, _, mine) =>
            {
                mine.Add(x);
                return mine;
            },
            mine => all.AddRange(mine));
        other.Wait();
    }

    /// <summary>A local-state body is checked: a counter it shares with a task started before the loop races.</summary>
    [Expect(Verdict.Racy)]
    public static void SharedCounterInALocalStateBody()
    {
        var shared = new Cell();
        Task other = Task.Run(() => shared.Value++);
        Parallel.For(0, Iterations, () => 0, (i, _, local) =>
        {
            shared.Value++;
            return local + i;
        }, _ => { });
        other.Wait();
    }

    [Expect(Verdict.Racy)]
    public static void PartitionerRangesShareACounter()
    {
        var cell = new Cell();
        Parallel.ForEach(Partitioner.Create(0, 1_000, 100), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                cell.Value++;
            }
        });
    }

    [Expect(Verdict.RaceFree)]
    public static void PartitionerRangesFillTheirOwnSlots()
    {
        int[] slots = new int[1_000];
        Parallel.ForEach(Partitioner.Create(0, slots.Length, 100), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                slots[i] = i;
            }
        });
        GC.KeepAlive(slots.Sum());
    }

    [Expect(Verdict.Racy)]
    public static void OrderablePartitionerItemsShareAList()
    {
        var seen = new List<int>();
        Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, Iterations)), (x, _, index) => seen.Add(x + (int)index));
    }

    /// <summary>Sleeps a millisecond, so a loop of <see cref="Iterations"/> spreads over more than one worker.</summary>
    private static int Slow(int value)
    {
        Thread.Sleep(1);
        return value;
    }

    private sealed class Cell
    {
        public int Value;
    }
}
