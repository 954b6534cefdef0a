using System.Collections.Concurrent;

namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// A framework method passed as a delegate (a method group: <c>Parallel.ForEach(items, list.Add)</c>,
/// <c>ForAll(queue.Enqueue)</c>, <c>Task.Run(done.Set)</c>): the framework, not rewritten code, makes the call, yet it
/// is the same read, write, release or acquire as the call written out in a lambda.
/// </summary>
internal static class MethodGroupPrograms
{
    [Expect(Verdict.Racy)]
    public static void ListAddBoundInParallelForEach()
    {
        var list = new List<int>();
        Parallel.ForEach(Enumerable.Range(0, 100), list.Add);
    }

    [Expect(Verdict.Racy)]
    public static void QueueEnqueueBoundInForAll()
    {
        var queue = new Queue<int>();
        Enumerable.Range(0, 100).AsParallel().ForAll(queue.Enqueue);
    }

    /// <summary>Through an interface, the compiler binds the method with <c>ldvirtftn</c>.</summary>
    [Expect(Verdict.Racy)]
    public static void InterfaceAddBoundInParallelFor()
    {
        ICollection<int> items = new HashSet<int>();
        Parallel.For(0, 100, items.Add);
    }

    [Expect(Verdict.Racy)]
    public static void ClearBoundInTaskRunBesideAnAdd()
    {
        var list = new List<int> { 1 };
        Task clear = Task.Run(list.Clear);
        list.Add(2);
        clear.Wait();
    }

    [Expect(Verdict.Racy)]
    public static void StaticArraySortBoundTwiceOnOneArray()
    {
        int[] numbers = [5, 3, 1, 4, 2];
        Parallel.ForEach([numbers, numbers], Array.Sort);
    }

    [Expect(Verdict.RaceFree)]
    public static void ConcurrentBagAddBoundInParallelForEach()
    {
        var bag = new ConcurrentBag<int>();
        Parallel.ForEach(Enumerable.Range(0, 100), bag.Add);
        GC.KeepAlive(bag.Count);
    }

    [Expect(Verdict.RaceFree)]
    public static void ListAddBoundInSequentialForEach()
    {
        var source = new List<int> { 1, 2, 3 };
        var target = new List<int>();
        source.ForEach(target.Add);
        Task.Run(() => target.Sort()).Wait();
        GC.KeepAlive(target.Count);
    }

    /// <summary>
    /// The write happens before <c>Task.Run</c>, which forks the bound <c>Set</c>; the reader's <c>Wait</c> returns after
    /// that <c>Set</c>: Set releases what its task knew, the write included.
    /// </summary>
    [Expect(Verdict.RaceFree)]
    public static void EventSetBoundInTaskRunOrdersTheReader()
    {
        var cell = new Cell();
        using var done = new ManualResetEventSlim();
        Task reader = Task.Run(() =>
        {
            done.Wait();
            GC.KeepAlive(cell.Value);
        });
        cell.Value = 1;
        Task.Run(done.Set).Wait();
        reader.Wait();
    }

    /// <summary>The same with a semaphore: the bound <c>Release</c> lets the waiter through.</summary>
    [Expect(Verdict.RaceFree)]
    public static void SemaphoreReleaseBoundInTaskRunOrdersTheWaiter()
    {
        var cell = new Cell();
        using var gate = new SemaphoreSlim(0);
        Task waiter = Task.Run(() =>
        {
            gate.Wait();
            cell.Value++;
        });
        cell.Value = 1;
        Task.Run(gate.Release);
        waiter.Wait();
        GC.KeepAlive(cell.Value);
    }

    private sealed class Cell
    {
        public int Value;
    }
}
