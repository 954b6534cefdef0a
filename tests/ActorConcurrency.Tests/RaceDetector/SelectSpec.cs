using System.Threading.Channels;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using static ActorConcurrency.Tests.RaceDetector.DetectorPrograms;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// Go's select over tracked channels, ported from the race detector's select tests: the case that fires
/// synchronises like its send or receive, a default (or a failed non-blocking send/receive) creates no edge,
/// and len/cap are not synchronisation. Each program has a racy and a race-free twin; untracked gates force
/// the real-time order a story needs without creating an edge.
/// </summary>
public sealed class SelectSpec
{
    [Fact]
    public void A_select_woken_by_close_is_ordered_after_the_close()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 0, "c");
            var other = new TrackedChannel<int>(d, 0, "other");
            d.Go("closer", () =>
            {
                x.Write(1);
                c.Close();
            });
            ReceiveCase<int> closed = c.ReceiveCase();
            Assert.Equal(0, TrackedSelect.Select(closed, other.ReceiveCase()));
            Assert.False(closed.Ok);
            _ = x.Read();
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_write_after_the_close_races_with_the_select_it_woke()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 0, "c");
            var other = new TrackedChannel<int>(d, 0, "other");
            d.Go("closer", () =>
            {
                c.Close();
                x.Write(1);
            });
            TrackedSelect.Select(c.ReceiveCase(), other.ReceiveCase());
            _ = x.Read();
        });
        Assert.Equal("x", Assert.Single(d.Races).Variable);
    }

    [Fact]
    public void A_select_of_two_sends_orders_the_sender_before_whichever_receive_takes_it()
    {
        int received = 0;
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c1 = new TrackedChannel<int>(d, 0, "c1");
            var c2 = new TrackedChannel<int>(d, 0, "c2");
            d.Go("sender", () =>
            {
                x.Write(1);
                TrackedSelect.Select(c1.SendCase(1), c2.SendCase(2));
            });
            ReceiveCase<int> r1 = c1.ReceiveCase();
            ReceiveCase<int> r2 = c2.ReceiveCase();
            int fired = TrackedSelect.Select(r1, r2);
            received = fired == 0 ? r1.Value : r2.Value;
            _ = x.Read();
        });
        Assert.Contains(received, new[] { 1, 2 });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_write_after_a_select_of_two_sends_races_with_the_receiver()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c1 = new TrackedChannel<int>(d, 1, "c1");
            var c2 = new TrackedChannel<int>(d, 1, "c2");
            d.Go("sender", () =>
            {
                TrackedSelect.Select(c1.SendCase(1), c2.SendCase(2));
                x.Write(1);
            });
            TrackedSelect.Select(c1.ReceiveCase(), c2.ReceiveCase());
            _ = x.Read();
        });
        Assert.Equal("x", Assert.Single(d.Races).Variable);
    }

    [Fact]
    public void Two_blocked_selects_meet_on_an_unbuffered_channel_and_order_both_ways()
    {
        var d = Run(d =>
        {
            var before = new TrackedVariable<int>(d, "before");
            var after = new TrackedVariable<int>(d, "after");
            var c = new TrackedChannel<int>(d, 0, "c");
            var never1 = new TrackedChannel<int>(d, 0, "never1");
            var never2 = new TrackedChannel<int>(d, 0, "never2");
            d.Go("sender", () =>
            {
                before.Write(1);
                TrackedSelect.Select(c.SendCase(7), never1.ReceiveCase());

                // Unbuffered: the receive happened before this send completed.
                _ = after.Read();
            });
            d.Go("receiver", () =>
            {
                after.Write(1);
                ReceiveCase<int> got = c.ReceiveCase();
                Assert.Equal(0, TrackedSelect.Select(got, never2.SendCase(0)));
                Assert.Equal(7, got.Value);
                _ = before.Read();
            });
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Select_with_default_after_a_close_receives_the_close()
    {
        using var closed = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 0, "c");
            d.Go("closer", () =>
            {
                x.Write(1);
                c.Close();
                closed.Set();
            });
            closed.Wait();
            ReceiveCase<int> receive = c.ReceiveCase();
            Assert.Equal(0, TrackedSelect.SelectOrDefault(receive));
            Assert.False(receive.Ok);
            _ = x.Read();
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Select_with_default_before_the_close_takes_default_and_orders_nothing()
    {
        using var written = new ManualResetEventSlim();
        using var selected = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 0, "c");
            d.Go("closer", () =>
            {
                x.Write(1);
                written.Set();
                selected.Wait(); // untracked: the select below really runs first
                c.Close();
            });
            written.Wait(); // untracked: the write really comes before the read
            int fired = TrackedSelect.SelectOrDefault(c.ReceiveCase());
            selected.Set();
            Assert.Equal(-1, fired);
            _ = x.Read();
        });
        AssertSingleRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void A_non_blocking_receive_that_finds_a_value_acquires_like_a_receive()
    {
        using var sent = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 1, "c");
            d.Go("sender", () =>
            {
                x.Write(1);
                c.Send(5);
                sent.Set();
            });
            sent.Wait();
            Assert.True(c.TryReceive(out int value, out bool ok));
            Assert.Equal((5, true), (value, ok));
            _ = x.Read();
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_non_blocking_receive_that_finds_nothing_creates_no_edge()
    {
        using var tried = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 1, "c");
            d.Go("sender", () =>
            {
                x.Write(1);
                tried.Wait();
                c.Send(5);
            });
            Assert.False(c.TryReceive(out _, out _));
            tried.Set();
            _ = x.Read();
            _ = c.Receive(); // drain, so the sender's value is not left behind
        });
        Assert.Equal("x", Assert.Single(d.Races).Variable);
    }

    [Fact]
    public void A_non_blocking_send_into_room_orders_the_sender_before_the_receiver()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 1, "c");
            d.Go("sender", () =>
            {
                x.Write(1);
                Assert.True(c.TrySend(5));
            });
            Assert.Equal(5, c.Receive());
            _ = x.Read();
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_non_blocking_send_without_a_waiting_receiver_fails_and_orders_nothing()
    {
        using var failed = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 0, "c");
            d.Go("sender", () =>
            {
                x.Write(1);
                Assert.False(c.TrySend(5)); // unbuffered and nobody receiving: would block
                failed.Set();
            });
            failed.Wait();
            _ = x.Read();
        });
        Assert.Equal("x", Assert.Single(d.Races).Variable);
    }

    [Fact]
    public void Len_is_not_synchronisation_but_the_receive_is()
    {
        foreach (bool receive in new[] { false, true })
        {
            var d = Run(d =>
            {
                var x = new TrackedVariable<int>(d, "x");
                var c = new TrackedChannel<int>(d, 2, "c");
                d.Go("sender", () =>
                {
                    x.Write(1);
                    c.Send(1);
                });
                SpinWait.SpinUntil(() => c.Count == 1); // untracked observation: len(c) == 1
                Assert.Equal(2, c.Capacity);
                if (receive)
                {
                    _ = c.Receive();
                }

                _ = x.Read();
            });
            Assert.Equal(receive ? 0 : 1, d.RaceCount);
        }
    }

    [Fact]
    public void Among_ready_cases_select_chooses_each_sometimes()
    {
        var seen = new HashSet<int>();
        Run(d =>
        {
            var c1 = new TrackedChannel<int>(d, 1, "c1");
            var c2 = new TrackedChannel<int>(d, 1, "c2");
            for (int i = 0; i < 200 && seen.Count < 2; i++)
            {
                c1.Send(1);
                c2.Send(2);
                seen.Add(TrackedSelect.Select(c1.ReceiveCase(), c2.ReceiveCase()));
                TrackedSelect.Select(c1.ReceiveCase(), c2.ReceiveCase()); // the other one
            }
        });
        Assert.Equal([0, 1], seen.Order());
    }

    [Fact]
    public void A_send_case_on_a_closed_channel_throws_when_chosen()
    {
        var detector = new VectorClockDetector(Options);
        var ex = Assert.Throws<ChannelClosedException>(() => detector.Run("main", () =>
        {
            var c = new TrackedChannel<int>(detector, 1, "c");
            c.Close();
            TrackedSelect.SelectOrDefault(c.SendCase(1));
        }));
        Assert.Contains("send on closed channel 'c'", ex.Message);
    }

    [Fact]
    public void A_select_blocked_on_a_send_throws_when_the_channel_closes()
    {
        var detector = new VectorClockDetector(Options);
        var ex = Assert.Throws<AggregateException>(() => detector.Run("main", () =>
        {
            var c = new TrackedChannel<int>(detector, 0, "c");
            var never = new TrackedChannel<int>(detector, 0, "never");
            ForkedThread sender = detector.Go("sender", () => TrackedSelect.Select(c.SendCase(1), never.ReceiveCase()));
            SpinWait.SpinUntil(() => sender.Logical.Now > 1); // untracked: the offer is posted (the sender ticked)
            c.Close();
        }));
        Assert.IsType<ChannelClosedException>(Assert.Single(ex.InnerExceptions));
    }

    [Fact]
    public void A_select_without_cases_is_rejected_and_with_default_returns_default()
    {
        Run(d =>
        {
            Assert.Throws<ArgumentException>("cases", () => TrackedSelect.Select());
            Assert.Equal(-1, TrackedSelect.SelectOrDefault());
            var mine = new TrackedChannel<int>(d, 1, "mine");
            var foreign = new TrackedChannel<int>(new VectorClockDetector(), 1, "foreign");
            Assert.Throws<ArgumentException>("cases", () => TrackedSelect.SelectOrDefault(mine.ReceiveCase(), foreign.ReceiveCase()));
        });
    }
}
