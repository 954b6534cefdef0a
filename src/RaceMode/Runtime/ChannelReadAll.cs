using System.Threading.Channels;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>ChannelReader&lt;T&gt;.ReadAllAsync</c> under race mode: each step is a read by <see cref="ChannelHooks"/>'s rules
/// (the item's write happens before the step that returns it; the end of the sequence acquires <c>Complete</c>).
/// </summary>
internal sealed class ChannelReadAll<T> : IAsyncEnumerable<T>, IAsyncEnumerator<T>
{
    private readonly ChannelReader<T> _reader;
    private readonly CancellationToken _cancellationToken;
    private CancellationToken _enumerationToken;

    public ChannelReadAll(ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        _reader = reader;
        _cancellationToken = cancellationToken;
    }

    public T Current { get; private set; } = default!;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        _enumerationToken = cancellationToken;
        return this;
    }

    public ValueTask<bool> MoveNextAsync()
    {
        CancellationToken token = _enumerationToken.CanBeCanceled ? _enumerationToken : _cancellationToken;
        ChannelShadow shadow = ChannelShadow.Of(_reader);
        object snapshot = ChannelHooks.Snapshot(shadow, reading: true);
        if (shadow.TryRead(_reader.TryRead, snapshot, out T? item, out object? mustAcquire))
        {
            SyncHooks.Acquire(mustAcquire);
            Current = item!;
            return new ValueTask<bool>(true);
        }

        var read = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var step = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        RaceSession? session = RaceSession.Active;
        _ = ChannelHooks.ReadLater(session, shadow, _reader, snapshot, read, token);
        _ = Step(session, read.Task, step);
        return new ValueTask<bool>(step.Task);
    }

    public ValueTask DisposeAsync() => default;

    /// <summary>Completes the step once the read did; awaiting the step acquires what the read acquires.</summary>
    private async Task Step(RaceSession? session, Task<T> read, TaskCompletionSource<bool> step)
    {
        try
        {
            Current = await read.ConfigureAwait(false);
            session?.Link(step.Task, read);
            step.SetResult(true);
        }
        catch (ChannelClosedException e) when (e.InnerException is null)
        {
            // Completed without an error: the sequence ends (ReadAllAsync's own behaviour).
            session?.Link(step.Task, read);
            step.SetResult(false);
        }
        catch (OperationCanceledException e)
        {
            session?.Link(step.Task, read);
            step.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            session?.Link(step.Task, read);
            step.TrySetException(e);
        }
    }
}
