namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Async code beyond <c>Task</c>-returning methods: async <c>ValueTask</c> methods, <c>Parallel.ForEachAsync</c> and
/// <c>Parallel.ForAsync</c>. An async method's completion happens before the await of it (Go: a goroutine's end before
/// the receive that waits for it); every iteration of an async parallel loop is its own logical thread, ordered after
/// the call and before the await of the loop.
/// </summary>
internal static class AsyncPrograms
{
    [Expect(Verdict.RaceFree)]
    public static async Task AwaitedValueTaskMethod()
    {
        var cell = new Cell();
        Task other = Task.Run(async () => await WriteLater(cell, 1));
        await other;
        cell.Value++;
    }

    [Expect(Verdict.RaceFree)]
    public static async Task AwaitedValueTaskOfTMethod()
    {
        var cell = new Cell();
        int read = await Task.Run(async () => await ReadLater(cell));
        cell.Value = read + 1;
    }

    /// <summary>A write after the awaited method returned its ValueTask, before awaiting it, races with the method.</summary>
    [Expect(Verdict.Racy)]
    public static async Task WriteBeforeAwaitingValueTaskMethod()
    {
        var cell = new Cell();
        ValueTask pending = WriteLater(cell, 1);
        cell.Value = 2;
        await pending;
    }

    [Expect(Verdict.RaceFree)]
    public static async Task ForEachAsyncJoinedByAwait()
    {
        int[] slots = new int[8];
        await Parallel.ForEachAsync(Enumerable.Range(0, slots.Length), async (i, _) =>
        {
            await Task.Yield();
            slots[i] = i + 1;
        });
        GC.KeepAlive(slots.Sum());
    }

    [Expect(Verdict.RaceFree)]
    public static async Task ForEachAsyncSynchronousBodies()
    {
        int[] slots = new int[8];
        await Parallel.ForEachAsync(Enumerable.Range(0, slots.Length), (i, _) =>
        {
            slots[i] = i + 1;
            return ValueTask.CompletedTask;
        });
        GC.KeepAlive(slots.Sum());
    }

    /// <summary>The race users write: a List shared by the iterations of an async parallel loop.</summary>
    [Expect(Verdict.Racy)]
    public static async Task ForEachAsyncSharedList()
    {
        var seen = new List<int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), async (i, _) =>
        {
            await Task.Yield();
            seen.Add(i);
        });
    }

    [Expect(Verdict.Racy)]
    public static async Task ForAsyncSharedCounter()
    {
        var cell = new Cell();
        await Parallel.ForAsync(0, 8, (_, _) =>
        {
            cell.Value++;
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Two async lambdas increment a local they captured (a field of the compiler's closure class).</summary>
    [Expect(Verdict.Racy)]
    public static async Task AsyncLambdasShareACapturedLocal()
    {
        int total = 0;
        Func<Task> add = async () =>
        {
            await Task.Yield();
            total++;
        };
        await Task.WhenAll(add(), add());
        GC.KeepAlive(total);
    }

    /// <summary>
    /// An async iterator that awaits between items, consumed by <c>await foreach</c>: the consumer's code between two
    /// <c>MoveNextAsync</c> calls can run inside the producer's hand-over of the item (on its real thread), and the
    /// producer reuses the one object it yields, which the consumer wrote before asking for the next.
    /// </summary>
    [Expect(Verdict.RaceFree)]
    public static async Task AsyncIteratorReusesTheObjectItYields()
    {
        int sum = 0;
        await foreach (Cell cell in Produce())
        {
            sum += cell.Value;
            cell.Value = 0;
        }

        GC.KeepAlive(sum);

        static async IAsyncEnumerable<Cell> Produce()
        {
            var cell = new Cell();
            for (int i = 0; i < 5; i++)
            {
                await Task.Delay(1);
                cell.Value = i;
                yield return cell;
            }
        }
    }

    /// <summary>
    /// After its first await the iterator yields without awaiting again: every later <c>MoveNextAsync</c> completes
    /// synchronously (a <c>ValueTask</c> with no source), running the iterator's own logical thread inside the call.
    /// </summary>
    [Expect(Verdict.RaceFree)]
    public static async Task AsyncIteratorStepsThatCompleteSynchronously()
    {
        int sum = 0;
        await foreach (Cell cell in Produce())
        {
            sum += cell.Value;
            cell.Value = 0;
        }

        GC.KeepAlive(sum);

        static async IAsyncEnumerable<Cell> Produce()
        {
            var cell = new Cell();
            await Task.Yield();
            for (int i = 0; i < 5; i++)
            {
                cell.Value = i;
                yield return cell;
            }
        }
    }

    /// <summary>The same iterator consumed through <c>WithCancellation</c>: the framework's configured enumerator asks for each item.</summary>
    [Expect(Verdict.RaceFree)]
    public static async Task AsyncIteratorConsumedWithCancellation()
    {
        using var stop = new CancellationTokenSource();
        int sum = 0;
        await foreach (Cell cell in Produce(default).WithCancellation(stop.Token))
        {
            sum += cell.Value;
            cell.Value = 0;
        }

        GC.KeepAlive(sum);

        static async IAsyncEnumerable<Cell> Produce([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token)
        {
            var cell = new Cell();
            for (int i = 0; i < 4; i++)
            {
                await Task.Delay(1, token);
                cell.Value = i;
                yield return cell;
            }
        }
    }

    /// <summary>The same iterator's item written by a task the consumer started and did not wait for.</summary>
    [Expect(Verdict.Racy)]
    public static async Task AsyncIteratorItemWrittenByAnUnjoinedTask()
    {
        var tasks = new List<Task>();
        await foreach (Cell cell in Produce())
        {
            tasks.Add(Task.Run(() => cell.Value++));
        }

        await Task.WhenAll(tasks);

        static async IAsyncEnumerable<Cell> Produce()
        {
            var cell = new Cell();
            for (int i = 0; i < 3; i++)
            {
                await Task.Yield();
                cell.Value = i;
                yield return cell;
            }
        }
    }

    [Expect(Verdict.RaceFree)]
    public static async Task ForAsyncJoinedByAwait()
    {
        int[] slots = new int[8];
        await Parallel.ForAsync(0, slots.Length, async (i, _) =>
        {
            await Task.Yield();
            slots[i] = i + 1;
        });
        GC.KeepAlive(slots.Sum());
    }

    private static async ValueTask WriteLater(Cell cell, int value)
    {
        await Task.Yield();
        cell.Value = value;
    }

    private static async ValueTask<int> ReadLater(Cell cell)
    {
        await Task.Yield();
        cell.Value = 5;
        return cell.Value;
    }

    private sealed class Cell
    {
        public int Value;
    }
}
