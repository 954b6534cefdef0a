using ActorConcurrency.SharedState.Leaks;

namespace ActorConcurrency.Tests.Leaks;

/// <summary>Task 9: the unbuffered channel — a send completes only when a receiver takes the item.</summary>
public sealed class RendezvousSpec
{
    [Fact]
    public async Task A_send_completes_only_when_a_receiver_takes_the_item()
    {
        var channel = new Rendezvous<int>();
        Task send = channel.SendAsync(7);
        Assert.False(send.IsCompleted);
        Assert.Equal(1, channel.WaitingSenders);

        Assert.Equal(7, await channel.ReceiveAsync());
        await send;
        Assert.Equal(0, channel.WaitingSenders);
    }

    [Fact]
    public async Task A_receive_waits_for_a_sender_and_the_send_then_completes_at_once()
    {
        var channel = new Rendezvous<string>();
        Task<string> receive = channel.ReceiveAsync();
        Assert.False(receive.IsCompleted);

        Task send = channel.SendAsync("x");
        Assert.True(send.IsCompletedSuccessfully);
        Assert.Equal("x", await receive);
    }

    [Fact]
    public async Task Senders_are_matched_in_the_order_they_arrived()
    {
        var channel = new Rendezvous<int>();
        Task[] sends = [channel.SendAsync(1), channel.SendAsync(2), channel.SendAsync(3)];
        var received = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            received.Add(await channel.ReceiveAsync());
        }

        Assert.Equal(new[] { 1, 2, 3 }, received);
        await Task.WhenAll(sends);
    }

    [Fact]
    public async Task A_cancelled_send_leaves_no_item_behind()
    {
        var channel = new Rendezvous<int>();
        using var cts = new CancellationTokenSource();
        Task send = channel.SendAsync(1, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Equal(0, channel.WaitingSenders);
        Task<int> receive = channel.ReceiveAsync();
        Assert.False(receive.IsCompleted);
        await channel.SendAsync(2);
        Assert.Equal(2, await receive);
    }

    [Fact]
    public async Task A_cancelled_receive_takes_nothing_and_a_later_send_waits()
    {
        var channel = new Rendezvous<int>();
        using var cts = new CancellationTokenSource();
        Task<int> receive = channel.ReceiveAsync(cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receive);

        Task send = channel.SendAsync(5);
        Assert.False(send.IsCompleted);
        Assert.Equal(5, await channel.ReceiveAsync());
        await send;
    }

    [Fact]
    public async Task An_already_cancelled_token_fails_at_once()
    {
        var channel = new Rendezvous<int>();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => channel.SendAsync(1, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => channel.ReceiveAsync(cts.Token));
        Assert.Equal(0, channel.WaitingSenders);
    }

    [Fact]
    public async Task Many_concurrent_senders_and_receivers_hand_over_every_item_once()
    {
        const int items = 2000;
        var channel = new Rendezvous<int>();
        Task[] senders = Enumerable.Range(0, items).Select(i => Task.Run(() => channel.SendAsync(i))).ToArray();
        Task<int>[] receivers = Enumerable.Range(0, items).Select(_ => Task.Run(() => channel.ReceiveAsync())).ToArray();
        await Task.WhenAll(senders);
        int[] received = await Task.WhenAll(receivers);
        Assert.Equal(Enumerable.Range(0, items), received.Order());
    }
}
