using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>System.Threading.Channels</c> by Go's channel rules (<see cref="ChannelShadow"/>): the write that produced an
/// item happens before the read that returns it, per item; on a bounded channel that waits when full, the k-th read
/// happens before the completion of the (k+C)-th write; <c>Complete</c> happens before a read, <c>WaitToReadAsync</c>
/// or <c>Completion</c> that observes it. A write that fails because the channel was completed, a
/// <c>WaitToWriteAsync</c> and a <c>WaitToReadAsync</c> that says an item is there acquire nothing. Every transfer is a
/// non-blocking attempt under the channel's shadow lock; a read or write that must wait retries once the channel is
/// ready, and what it acquires travels with the task it returns (awaiting it acquires).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ChannelHooks
{
    public static Channel<T> CreateUnbounded<T>() => Registered(Channel.CreateUnbounded<T>(), exact: true, capacity: null);

    public static Channel<T> CreateUnbounded<T>(UnboundedChannelOptions options) => Registered(Channel.CreateUnbounded<T>(options), exact: true, capacity: null);

    public static Channel<T> CreateBounded<T>(int capacity) => Registered(Channel.CreateBounded<T>(capacity), exact: true, capacity);

    public static Channel<T> CreateBounded<T>(BoundedChannelOptions options) => Registered(Channel.CreateBounded<T>(options), options);

    public static Channel<T> CreateBounded<T>(BoundedChannelOptions options, Action<T>? itemDropped) =>
        Registered(Channel.CreateBounded(options, itemDropped), options);

    public static bool TryWrite<T>(ChannelWriter<T> writer, T item)
    {
        ChannelShadow shadow = ChannelShadow.Of(writer);
        if (!shadow.TryWrite(writer.TryWrite, item, Snapshot(shadow), out object? mustAcquire))
        {
            return false;
        }

        SyncHooks.Acquire(mustAcquire);
        return true;
    }

    public static ValueTask WriteAsync<T>(ChannelWriter<T> writer, T item, CancellationToken cancellationToken)
    {
        ChannelShadow shadow = ChannelShadow.Of(writer);
        object written = Snapshot(shadow);
        if (shadow.TryWrite(writer.TryWrite, item, written, out object? mustAcquire))
        {
            SyncHooks.Acquire(mustAcquire);
            return default;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = WriteLater(RaceSession.Active, shadow, writer, item, written, done, cancellationToken);
        return new ValueTask(done.Task);
    }

    public static bool TryComplete<T>(ChannelWriter<T> writer, Exception? error)
    {
        SyncHooks.Release(ChannelShadow.Of(writer).Closed);
        return writer.TryComplete(error);
    }

    public static void Complete<T>(ChannelWriter<T> writer, Exception? error)
    {
        SyncHooks.Release(ChannelShadow.Of(writer).Closed);
        writer.Complete(error);
    }

    public static bool TryRead<T>(ChannelReader<T> reader, [MaybeNullWhen(false)] out T item)
    {
        ChannelShadow shadow = ChannelShadow.Of(reader);
        if (shadow.TryRead(reader.TryRead, Snapshot(shadow, reading: true), out item, out object? mustAcquire))
        {
            SyncHooks.Acquire(mustAcquire);
            return true;
        }

        if (reader.Completion.IsCompleted)
        {
            SyncHooks.Acquire(shadow.Closed);
        }

        return false;
    }

    public static bool TryPeek<T>(ChannelReader<T> reader, [MaybeNullWhen(false)] out T item)
    {
        ChannelShadow shadow = ChannelShadow.Of(reader);
        if (!shadow.TryPeek(reader.TryPeek, out item, out object? head))
        {
            return false;
        }

        SyncHooks.Acquire(head);
        return true;
    }

    public static ValueTask<T> ReadAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        ChannelShadow shadow = ChannelShadow.Of(reader);
        object snapshot = Snapshot(shadow, reading: true);
        if (shadow.TryRead(reader.TryRead, snapshot, out T? item, out object? mustAcquire))
        {
            SyncHooks.Acquire(mustAcquire);
            return new ValueTask<T>(item!);
        }

        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = ReadLater(RaceSession.Active, shadow, reader, snapshot, done, cancellationToken);
        return new ValueTask<T>(done.Task);
    }

    public static ValueTask<bool> WaitToReadAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        ChannelShadow shadow = ChannelShadow.Of(reader);
        ValueTask<bool> ready = reader.WaitToReadAsync(cancellationToken);
        if (ready.IsCompletedSuccessfully)
        {
            bool available = ready.Result;
            if (!available)
            {
                SyncHooks.Acquire(shadow.Closed);
            }

            return new ValueTask<bool>(available);
        }

        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = WaitLater(RaceSession.Active, shadow, ready, done);
        return new ValueTask<bool>(done.Task);
    }

    public static Task get_Completion<T>(ChannelReader<T> reader)
    {
        Task completion = reader.Completion;
        ChannelShadow shadow = ChannelShadow.Of(reader);
        if (shadow.Exact && RaceSession.Active is { } session)
        {
            // A channel race mode saw created has a completion task of its own (a reader of another kind may share one).
            session.Link(completion, shadow.Closed);
        }

        return completion;
    }

    public static IAsyncEnumerable<T> ReadAllAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken) =>
        new ChannelReadAll<T>(reader, cancellationToken);

    /// <summary>What a write or read releases: a fresh clock holding the caller's past, or the whole channel's.</summary>
    internal static object Snapshot(ChannelShadow shadow, bool reading = false)
    {
        if (!shadow.Exact)
        {
            if (!reading)
            {
                SyncHooks.Release(shadow.Whole);
            }

            return shadow.Whole;
        }

        var snapshot = new object();
        if (!reading || shadow.Capacity is not null)
        {
            SyncHooks.Release(snapshot);
        }

        return snapshot;
    }

    /// <summary>Completes <paramref name="done"/> after linking it to what its awaiter must acquire.</summary>
    internal static void Link(RaceSession? session, Task done, object? mustAcquire)
    {
        // A task race mode knows nothing of would acquire the global clock; this one says exactly what it orders.
        session?.LinkCompletion(done, mustAcquire ?? ChannelShadow.NoEdge);
    }

    internal static async Task ReadLater<T>(
        RaceSession? session, ChannelShadow shadow, ChannelReader<T> reader, object snapshot, TaskCompletionSource<T> done, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (shadow.TryRead(reader.TryRead, snapshot, out T? item, out object? mustAcquire))
                {
                    Link(session, done.Task, mustAcquire);
                    done.SetResult(item!);
                    return;
                }
            }

            // Completed and empty: the real read throws what the channel was completed with.
            T never = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            GC.KeepAlive(never);
            throw new ChannelClosedException();
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            Link(session, done.Task, null);
            done.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            Link(session, done.Task, shadow.Closed);
            done.TrySetException(e);
        }
    }

    private static async Task WriteLater<T>(
        RaceSession? session, ChannelShadow shadow, ChannelWriter<T> writer, T item, object written, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        try
        {
            while (await writer.WaitToWriteAsync(cancellationToken).ConfigureAwait(false))
            {
                if (shadow.TryWrite(writer.TryWrite, item, written, out object? mustAcquire))
                {
                    Link(session, done.Task, mustAcquire);
                    done.SetResult();
                    return;
                }
            }

            // Completed: the real write throws what the channel was completed with, and writes nothing.
            await writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            throw new ChannelClosedException();
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            Link(session, done.Task, null);
            done.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            // A write that failed because the channel was completed acquires nothing.
            Link(session, done.Task, null);
            done.TrySetException(e);
        }
    }

    private static async Task WaitLater(RaceSession? session, ChannelShadow shadow, ValueTask<bool> ready, TaskCompletionSource<bool> done)
    {
        try
        {
            bool available = await ready.ConfigureAwait(false);
            Link(session, done.Task, available ? null : shadow.Closed);
            done.SetResult(available);
        }
        catch (OperationCanceledException e)
        {
            Link(session, done.Task, null);
            done.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            Link(session, done.Task, shadow.Closed);
            done.TrySetException(e);
        }
    }

    private static Channel<T> Registered<T>(Channel<T> channel, BoundedChannelOptions options) =>
        Registered(channel, exact: options.FullMode == BoundedChannelFullMode.Wait, options.FullMode == BoundedChannelFullMode.Wait ? options.Capacity : null);

    private static Channel<T> Registered<T>(Channel<T> channel, bool exact, int? capacity)
    {
        ChannelShadow.Register(channel, channel.Reader, channel.Writer, exact, capacity);
        return channel;
    }
}
