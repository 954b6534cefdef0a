using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.RaceDetector;

// The detector's suite (RaceDetectorSpec.cs): channels: unbuffered, buffered, capacity as a lock, close.
public sealed partial class RaceDetectorSpec
{
    // ---- channels ----

    [Fact]
    public void Unbuffered_channel_hand_off_transfers_ownership()
    {
        int got = 0;
        var d = Run(d =>
        {
            var box = new TrackedVariable<int>(d, "box");
            var c = new TrackedChannel<int>(d, 0, "c");
            d.Go("producer", () =>
            {
                box.Write(99);
                c.Send(1);
            });
            c.Receive();
            got = box.Read();
        });
        Assert.Equal(99, got);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Unbuffered_receive_happens_before_the_send_completes()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 0, "c");
            d.Go("receiver", () =>
            {
                x.Write(1);
                c.Receive();
            });
            c.Send(0);
            _ = x.Read();
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Buffered_send_does_not_wait_for_the_receive_so_the_reverse_order_races()
    {
        using var received = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 1, "c");
            d.Go("receiver", () =>
            {
                x.Write(1);
                c.Receive();
                received.Set();
            });
            c.Send(0); // buffered: completes without the receive
            received.Wait();
            _ = x.Read();
        });
        AssertRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void Buffered_channel_hand_off_carries_values_in_order()
    {
        var got = new List<int>();
        var d = Run(d =>
        {
            var c = new TrackedChannel<int>(d, 3, "c");
            var slots = Enumerable.Range(0, 10).Select(i => new TrackedVariable<int>(d, $"slot-{i}")).ToArray();
            d.Go("producer", () =>
            {
                for (int i = 0; i < 10; i++)
                {
                    slots[i].Write(i * i);
                    c.Send(i);
                }

                c.Close();
            });
            while (c.ReceiveOrClosed(out int i))
            {
                got.Add(slots[i].Read());
            }
        });
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * i), got);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_buffered_channel_of_capacity_1_is_a_lock_by_the_capacity_rule()
    {
        Assert.Equal(0, RunSemaphoreProgram(capacity: 1).RaceCount);
    }

    [Fact]
    public void A_buffered_channel_of_capacity_2_lets_two_workers_in_together()
    {
        Assert.True(RunSemaphoreProgram(capacity: 2).RaceCount > 0);
    }

    private static VectorClockDetector RunSemaphoreProgram(int capacity) => Run(d =>
    {
        // Go's "limit := make(chan int, C); limit <- 1; work(); <-limit": receive k happens before send k+C completes.
        var shared = new TrackedVariable<int>(d, "shared");
        var limit = new TrackedChannel<int>(d, capacity, "limit");
        var wg = new TrackedWaitGroup(d);
        wg.Add(3);
        for (int i = 0; i < 3; i++)
        {
            d.Go($"worker-{i}", () =>
            {
                limit.Send(1);
                shared.Write(shared.Read() + 1);
                limit.Receive();
                wg.Done();
            });
        }

        wg.Wait();
    });

    [Fact]
    public void Close_is_a_broadcast_to_every_receiver()
    {
        var d = Run(d =>
        {
            var config = new TrackedVariable<string>(d, "config", string.Empty);
            var ready = new TrackedChannel<int>(d, 0, "ready");
            var wg = new TrackedWaitGroup(d);
            wg.Add(3);
            for (int i = 0; i < 3; i++)
            {
                d.Go($"waiter-{i}", () =>
                {
                    Assert.False(ready.ReceiveOrClosed(out _));
                    _ = config.Read();
                    wg.Done();
                });
            }

            config.Write("loaded");
            ready.Close();
            wg.Wait();
        });
        Assert.Equal(0, d.RaceCount);
    }
}
