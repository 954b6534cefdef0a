using System.Threading.Channels;

namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Go's channel race tests (runtime/race/testdata/chan_test.go) in plain C# over <c>System.Threading.Channels</c>:
/// an item's write happens before the read that returns it; the k-th read of a capacity-C channel happens before the
/// completion of the (k+C)-th write; <c>Complete</c> happens before a read that observes it; nothing else is ordered.
/// </summary>
internal static class ChannelPrograms
{
    /// <summary>TestNoRaceChanSync: the write before the send, the read after the receive.</summary>
    [Expect(Verdict.RaceFree)]
    public static async Task SendThenReceive()
    {
        var cell = new Cell();
        Channel<int> channel = Channel.CreateUnbounded<int>();
        Task sender = Task.Run(async () =>
        {
            cell.Value = 1;
            await channel.Writer.WriteAsync(0);
        });
        await channel.Reader.ReadAsync();
        cell.Value = 2;
        await sender;
    }

    /// <summary>The reader waits first: the item reaches it through the waiting read.</summary>
    [Expect(Verdict.RaceFree)]
    public static async Task ReceiverWaitsForTheSend()
    {
        var cell = new Cell();
        Channel<Cell> channel = Channel.CreateBounded<Cell>(1);
        ValueTask<Cell> pending = channel.Reader.ReadAsync();
        Task sender = Task.Run(() =>
        {
            cell.Value = 1;
            return channel.Writer.TryWrite(cell);
        });
        Cell received = await pending;
        received.Value++;
        await sender;
    }

    /// <summary>TestRaceChanAsyncRev: on a buffered channel the send's completion does not wait for the receive.</summary>
    [Expect(Verdict.Racy)]
    public static async Task WriteAfterBufferedSend()
    {
        var cell = new Cell();
        Channel<int> channel = Channel.CreateBounded<int>(10);
        Task sender = Task.Run(async () =>
        {
            await channel.Writer.WriteAsync(0);
            cell.Value = 2;
        });
        cell.Value = 1;
        await channel.Reader.ReadAsync();
        await sender;
    }

    /// <summary>TestRaceChanWrongSend: the item read came from one sender; the other sender's write is not ordered.</summary>
    [Expect(Verdict.Racy)]
    public static async Task TwoSendersOneReceive()
    {
        var first = new Cell();
        var second = new Cell();
        Channel<int> channel = Channel.CreateBounded<int>(2);
        Task firstSender = Task.Run(() =>
        {
            first.Value = 1;
            return channel.Writer.TryWrite(1);
        });
        Task secondSender = Task.Run(() =>
        {
            second.Value = 2;
            return channel.Writer.TryWrite(2);
        });
        if (await channel.Reader.ReadAsync() == 1)
        {
            second.Value = 3;
        }
        else
        {
            first.Value = 3;
        }

        await Task.WhenAll(firstSender, secondSender);
    }

    /// <summary>Accesses ordered only by another channel race.</summary>
    [Expect(Verdict.Racy)]
    public static async Task OrderedByAnotherChannel()
    {
        var cell = new Cell();
        Channel<int> used = Channel.CreateUnbounded<int>();
        Channel<int> other = Channel.CreateUnbounded<int>();
        other.Writer.TryWrite(0);
        Task sender = Task.Run(() =>
        {
            cell.Value = 1;
            used.Writer.TryWrite(0);
        });
        await other.Reader.ReadAsync();
        cell.Value = 2;
        await sender;
    }

    /// <summary>Go's select: the receive that won (awaited through WhenAny, not by itself) comes after its send.</summary>
    [Expect(Verdict.RaceFree)]
    public static async Task SelectOverTwoChannels()
    {
        var cell = new Cell();
        Channel<int> first = Channel.CreateUnbounded<int>();
        Channel<int> second = Channel.CreateUnbounded<int>();
        Task<int> fromFirst = first.Reader.ReadAsync().AsTask();
        Task<int> fromSecond = second.Reader.ReadAsync().AsTask();
        Task sender = Task.Run(() =>
        {
            cell.Value = 1;
            first.Writer.TryWrite(1);
        });
        await Task.WhenAny(fromFirst, fromSecond);
        cell.Value = 2;
        await sender;
    }

    /// <summary>A capacity-1 channel as a mutex: the k-th receive happens before the (k+1)-th send completes.</summary>
    [Expect(Verdict.RaceFree)]
    public static void CapacityOneChannelAsMutex()
    {
        var cell = new Cell();
        Channel<bool> mutex = Channel.CreateBounded<bool>(1);
        Task[] workers = [.. Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await mutex.Writer.WriteAsync(true);
            cell.Value++;
            await mutex.Reader.ReadAsync();
        }))];
        Task.WaitAll(workers);
    }

    /// <summary>A capacity-2 channel as a semaphore lets two holders in at once: they race.</summary>
    [Expect(Verdict.Racy)]
    public static void CapacityTwoChannelAsSemaphore()
    {
        var cell = new Cell();
        Channel<bool> semaphore = Channel.CreateBounded<bool>(2);
        Task[] workers = [.. Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            await semaphore.Writer.WriteAsync(true);
            cell.Value++;
            semaphore.Reader.TryRead(out _);
        }))];
        Task.WaitAll(workers);
    }

    /// <summary>TestNoRaceChanAsyncCloseRecv: a read that observes the completion comes after it.</summary>
    [Expect(Verdict.RaceFree)]
    public static async Task CompleteThenObserve()
    {
        var cell = new Cell();
        Channel<int> channel = Channel.CreateUnbounded<int>();
        Task closer = Task.Run(() =>
        {
            cell.Value = 1;
            channel.Writer.Complete();
        });
        while (await channel.Reader.WaitToReadAsync())
        {
            channel.Reader.TryRead(out _);
        }

        cell.Value = 2;
        await closer;
    }

    [Expect(Verdict.RaceFree)]
    public static async Task CompletionTaskObservesComplete()
    {
        var cell = new Cell();
        Channel<int> channel = Channel.CreateBounded<int>(4);
        Task closer = Task.Run(() =>
        {
            cell.Value = 1;
            channel.Writer.TryComplete();
        });
        await channel.Reader.Completion;
        cell.Value = 2;
        await closer;
    }

    /// <summary>The read that failed because the channel was completed comes after the completion.</summary>
    [Expect(Verdict.RaceFree)]
    public static async Task WriteAfterReadFailedOnCompletedChannel()
    {
        var cell = new Cell();
        Channel<int> channel = Channel.CreateUnbounded<int>();
        Task closer = Task.Run(() =>
        {
            cell.Value = 1;
            channel.Writer.Complete();
        });
        try
        {
            await channel.Reader.ReadAsync();
        }
        catch (ChannelClosedException)
        {
            cell.Value = 2;
        }

        await closer;
    }

    /// <summary>A write that fails because the channel was completed acquires nothing.</summary>
    [Expect(Verdict.Racy)]
    public static void FailedWriteOnCompletedChannelOrdersNothing()
    {
        var cell = new Cell();
        Channel<int> channel = Channel.CreateUnbounded<int>();
        Task writer = Task.Run(() =>
        {
            while (channel.Writer.TryWrite(0))
            {
                channel.Reader.TryRead(out _);
            }

            cell.Value = 2;
        });
        cell.Value = 1;
        channel.Writer.Complete();
        writer.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static async Task ReadAllAfterWrites()
    {
        int[] slots = new int[3];
        Channel<int> channel = Channel.CreateUnbounded<int>();
        Task producer = Task.Run(async () =>
        {
            for (int i = 0; i < slots.Length; i++)
            {
                slots[i] = i + 1;
                await channel.Writer.WriteAsync(i);
            }

            channel.Writer.Complete();
        });
        await foreach (int index in channel.Reader.ReadAllAsync())
        {
            slots[index]++;
        }

        await producer;
    }

    /// <summary>A spin on a plain flag: the channel traffic in the loop orders nothing with the flag's writer.</summary>
    [Expect(Verdict.Racy)]
    public static void SpinOnPlainFlagThatTouchesAChannel()
    {
        var flag = new Flag();
        Channel<int> channel = Channel.CreateUnbounded<int>();
        Task setter = Task.Run(() => flag.Done = true);
        while (!flag.Done)
        {
            channel.Writer.TryWrite(0);
            channel.Reader.TryRead(out _);
        }

        setter.Wait();
    }

    private sealed class Cell
    {
        public int Value;
    }

    private sealed class Flag
    {
        public bool Done;
    }
}
