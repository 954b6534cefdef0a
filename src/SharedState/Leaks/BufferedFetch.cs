using System.Threading.Channels;

namespace ActorConcurrency.SharedState.Leaks;

/// <summary>
/// Task 9, first fix, Go's <c>make(chan string, 1)</c>: the worker hands its answer to a buffer of one,
/// which never blocks the only writer, so the worker finishes even after the caller gave up; the answer
/// is simply dropped with the buffer. The backend call itself still runs to the end: the work is wasted,
/// not leaked.
/// </summary>
public sealed class BufferedFetch : IFetch
{
    private readonly Func<CancellationToken, Task<string>> _backend;

    /// <summary>Fetches from <paramref name="backend"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="backend"/> is null.</exception>
    public BufferedFetch(Func<CancellationToken, Task<string>> backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
    }

    /// <inheritdoc />
    public async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        Channel<string> results = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        _ = Task.Run(() => WorkAsync(results.Writer));
        return await results.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WorkAsync(ChannelWriter<string> results)
    {
        string answer = await _backend(CancellationToken.None).ConfigureAwait(false);

        // One writer, one slot: this write always finds room, whether or not a reader is still there.
        bool written = results.TryWrite(answer);
        System.Diagnostics.Debug.Assert(written, "the single slot is free for the single writer");
    }
}
