namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Value-type items handed over through a <c>ConcurrentQueue</c> or <c>ConcurrentStack</c>, by Go's rule for a
/// buffered channel: the put of an item happens before the take that returns it, and before nothing else. A value has
/// no identity, so race mode knows an item by its position; the racy programs race in every schedule, whatever the
/// order of the puts.
/// </summary>
internal static class ItemPrograms
{
    [Expect(Verdict.RaceFree)]
    public static void QueueHandoff()
    {
        var cell = new Cell();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<int>();
        Task producer = Task.Run(() =>
        {
            cell.Value = 1;
            queue.Enqueue(1);
        });
        int item;
        while (!queue.TryDequeue(out item))
        {
            Thread.Yield();
        }

        cell.Value += item;
        producer.Wait();
    }

    /// <summary>Two producers, one take: the producer whose item was not taken is not ordered with the consumer.</summary>
    [Expect(Verdict.Racy)]
    public static void QueueTwoProducersOneTake()
    {
        Cell[] cells = [new Cell(), new Cell()];
        var queue = new System.Collections.Concurrent.ConcurrentQueue<int>();
        Task[] producers = [.. Enumerable.Range(0, 2).Select(i => Task.Run(() =>
        {
            cells[i].Value = 1;
            queue.Enqueue(i);
        }))];
        while (!queue.TryDequeue(out _))
        {
            Thread.Yield();
        }

        cells[0].Value++;
        cells[1].Value++;
        Task.WaitAll(producers);
    }

    [Expect(Verdict.RaceFree)]
    public static void StackHandoff()
    {
        var cell = new Cell();
        var stack = new System.Collections.Concurrent.ConcurrentStack<int>();
        Task producer = Task.Run(() =>
        {
            cell.Value = 1;
            stack.PushRange([1, 2]);
        });
        int[] taken = new int[2];
        int count = 0;
        while (count < 2)
        {
            count += stack.TryPopRange(taken, count, 2 - count);
        }

        cell.Value++;
        producer.Wait();
    }

    [Expect(Verdict.Racy)]
    public static void StackTwoPushersOnePop()
    {
        Cell[] cells = [new Cell(), new Cell()];
        var stack = new System.Collections.Concurrent.ConcurrentStack<int>();
        Task[] producers = [.. Enumerable.Range(0, 2).Select(i => Task.Run(() =>
        {
            cells[i].Value = 1;
            stack.Push(i);
        }))];
        while (!stack.TryPop(out _))
        {
            Thread.Yield();
        }

        cells[0].Value++;
        cells[1].Value++;
        Task.WaitAll(producers);
    }

    /// <summary>An item cleared away leaves no trace: the next take is ordered after the put of the item it returns.</summary>
    [Expect(Verdict.RaceFree)]
    public static void QueueClearedThenHandoff()
    {
        var cell = new Cell();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<int>();
        queue.Enqueue(0);
        queue.Clear();
        Task producer = Task.Run(() =>
        {
            cell.Value = 1;
            queue.Enqueue(1);
        });
        while (!queue.TryDequeue(out _))
        {
            Thread.Yield();
        }

        cell.Value++;
        producer.Wait();
    }

    /// <summary>A peek is ordered after the put of the item it sees, like a take.</summary>
    [Expect(Verdict.RaceFree)]
    public static void QueuePeekHandoff()
    {
        var cell = new Cell();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<long>();
        Task producer = Task.Run(() =>
        {
            cell.Value = 1;
            queue.Enqueue(1L);
        });
        while (!queue.TryPeek(out _))
        {
            Thread.Yield();
        }

        cell.Value++;
        producer.Wait();
    }

    private sealed class Cell
    {
        public int Value;
    }
}
