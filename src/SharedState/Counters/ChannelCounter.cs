using System.Threading.Channels;

namespace ActorConcurrency.SharedState.Counters;

/// <summary>
/// Task 4: the fix by communication. Every worker writes <c>1</c> into a channel; one reader owns the
/// total (no other thread ever touches it) and hands it back when the writers complete the channel.
/// The channel's write → read edge is what orders each increment before the reader's addition.
/// </summary>
public sealed class ChannelCounter
{
    private readonly Channel<int> _channel = Channel.CreateUnbounded<int>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly Task<int> _total;

    /// <summary>Starts the single counting reader.</summary>
    public ChannelCounter() => _total = CountAsync(_channel.Reader);

    /// <summary>Sends one increment. Throws once <see cref="CompleteAsync"/> has been called.</summary>
    /// <exception cref="InvalidOperationException">The channel was completed: the increment would be lost.</exception>
    public void Increment()
    {
        if (!_channel.Writer.TryWrite(1))
        {
            throw new InvalidOperationException("The counter was completed; no more increments are accepted.");
        }
    }

    /// <summary>Completes the channel and returns the total once the reader has drained it.</summary>
    public Task<int> CompleteAsync()
    {
        _channel.Writer.TryComplete();
        return _total;
    }

    private static async Task<int> CountAsync(ChannelReader<int> reader)
    {
        // The total lives in this method's frame: the reader is its only owner, so it needs no lock.
        int total = 0;
        await foreach (int delta in reader.ReadAllAsync().ConfigureAwait(false))
        {
            total += delta;
        }

        return total;
    }
}
