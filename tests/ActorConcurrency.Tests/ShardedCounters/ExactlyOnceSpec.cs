using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.ShardedCounters;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using static ActorConcurrency.Actors.ShardedCounters.ShardedCounterProtocol;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// Exactly-once increments: a counter recognises a batch id it already counted (also after recovering from its
/// journal), keeps bounded memory per client, and a client whose requests or acknowledgements are lost retries
/// until every batch is acknowledged, with nothing counted twice.
/// </summary>
public sealed class ExactlyOnceSpec : TestKit
{
    public ExactlyOnceSpec()
        : base(HoconConfig.Load("persistence-inmem.conf").Config.WithFallback(HoconConfig.Base))
    {
    }

    [Fact]
    public async Task A_retried_batch_is_acknowledged_as_a_duplicate_and_counted_once()
    {
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("dup"));
        var id = new BatchId("client-a", Sequence: 0, OldestUnacknowledged: 0);

        counter.Tell(new Add("dup", 10, id), TestActor);
        await ExpectMsgAsync(new Added("dup", 10, 10));
        counter.Tell(new Add("dup", 10, id), TestActor);
        await ExpectMsgAsync(new Added("dup", 10, 10, Duplicate: true));

        counter.Tell(new GetCount("dup"), TestActor);
        await ExpectMsgAsync(new Count("dup", 10));
    }

    [Fact]
    public async Task A_counter_that_recovers_from_its_journal_still_knows_the_batches_it_counted()
    {
        var first = new BatchId("client-r", 0, 0);
        var second = new BatchId("client-r", 1, 0);
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("recovering"));
        counter.Tell(new Add("recovering", 3, first), TestActor);
        counter.Tell(new Add("recovering", 4, second), TestActor);
        await ExpectMsgAsync(new Added("recovering", 3, 3));
        await ExpectMsgAsync(new Added("recovering", 4, 7));
        await counter.GracefulStop(TimeSpan.FromSeconds(10), HandOffStop.Instance);

        IActorRef recovered = Sys.ActorOf(CounterEntity.Props("recovering"));
        recovered.Tell(new Add("recovering", 4, second), TestActor);
        await ExpectMsgAsync(new Added("recovering", 4, 7, Duplicate: true));
        recovered.Tell(new Add("recovering", 5, new BatchId("client-r", 2, 2)), TestActor);
        await ExpectMsgAsync(new Added("recovering", 5, 12));
    }

    [Fact]
    public async Task A_counter_recovering_from_a_snapshot_has_its_count_and_still_knows_the_batches_it_counted()
    {
        // Past CounterEntity.SnapshotEvery events, so the recovery starts from a snapshot and replays the tail.
        const int Batches = CounterEntity.SnapshotEvery + 5;
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("snap"));
        for (long i = 0; i < Batches; i++)
        {
            counter.Tell(new Add("snap", 2, new BatchId("client-s", i, Math.Max(0, i - 10))), TestActor);
        }

        for (int i = 0; i < Batches; i++)
        {
            await ExpectMsgAsync<Added>();
        }

        await counter.GracefulStop(TimeSpan.FromSeconds(10), HandOffStop.Instance);

        IActorRef recovered = Sys.ActorOf(CounterEntity.Props("snap"));
        recovered.Tell(new GetCount("snap"), TestActor);
        await ExpectMsgAsync(new Count("snap", 2 * Batches));
        recovered.Tell(new Add("snap", 2, new BatchId("client-s", Batches - 2, Batches - 12)), TestActor); // counted, above the mark
        await ExpectMsgAsync(new Added("snap", 2, 2 * Batches, Duplicate: true));
        recovered.Tell(new Add("snap", 2, new BatchId("client-s", Batches, Batches - 10)), TestActor); // new
        await ExpectMsgAsync(new Added("snap", 2, (2 * Batches) + 2));
    }

    [Fact]
    public async Task A_number_below_the_clients_acknowledged_mark_is_a_duplicate_even_after_the_counter_forgot_it()
    {
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("mark"));
        counter.Tell(new Add("mark", 1, new BatchId("client-m", 0, 0)), TestActor);
        await ExpectMsgAsync(new Added("mark", 1, 1));
        // The client says everything below 5 was acknowledged to it: 0..4 are forgotten, and are duplicates.
        counter.Tell(new Add("mark", 1, new BatchId("client-m", 5, 5)), TestActor);
        await ExpectMsgAsync(new Added("mark", 1, 2));
        counter.Tell(new Add("mark", 1, new BatchId("client-m", 3, 3)), TestActor);
        await ExpectMsgAsync(new Added("mark", 1, 2, Duplicate: true));
    }

    [Theory]
    [InlineData(1024, 0, "window")]
    [InlineData(3, 4, "below")]
    public async Task A_batch_outside_the_window_a_counter_can_remember_is_rejected_with_a_typed_message(long sequence, long oldest, string reason)
    {
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("window"));
        counter.Tell(new Add("window", 1, new BatchId("client-w", sequence, oldest)), TestActor);
        var rejected = await ExpectMsgAsync<Rejected>();
        Assert.Contains(reason, rejected.Reason, StringComparison.Ordinal);

        counter.Tell(new GetCount("window"), TestActor);
        await ExpectMsgAsync(new Count("window", 0));
    }

    [Fact]
    public async Task A_counter_remembers_at_most_256_clients_and_forgets_the_one_whose_last_batch_is_oldest()
    {
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("clients"));
        for (int client = 0; client <= 256; client++)
        {
            counter.Tell(new Add("clients", 1, new BatchId($"c{client}", 0, 0)), TestActor);
            await ExpectMsgAsync<Added>();
        }

        // c0 was forgotten when c256 arrived (the documented bound): its retry counts again; c1's does not.
        counter.Tell(new Add("clients", 1, new BatchId("c1", 0, 0)), TestActor);
        Assert.True((await ExpectMsgAsync<Added>()).Duplicate);
        counter.Tell(new Add("clients", 1, new BatchId("c0", 0, 0)), TestActor);
        Assert.False((await ExpectMsgAsync<Added>()).Duplicate);
    }

    [Fact]
    public async Task A_client_whose_requests_and_acknowledgements_are_lost_retries_until_every_batch_is_acknowledged_and_counts_none_twice()
    {
        // Between client and counter: the first request of every third batch is dropped (a hand-off buffer
        // dropped it), and the first acknowledgement of every other batch is dropped (its node died after the write).
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("lossy"));
        IActorRef link = Sys.ActorOf(Props.Create(() => new LossyLink(counter)));
        var options = new IncrementLoadOptions
        {
            BatchSize = 10,
            Window = 8,
            AckTimeout = TimeSpan.FromMilliseconds(300),
            RetryBackoff = TimeSpan.FromMilliseconds(10),
            MaxRetryBackoff = TimeSpan.FromMilliseconds(50),
        };

        IncrementReport report = await AcknowledgedIncrements.SendAsync(link, ["lossy"], 600, options);

        var count = await counter.Ask<Count>(new GetCount("lossy"), TimeSpan.FromSeconds(10));
        Assert.Equal(600, report.Sent);
        Assert.Equal(600, report.Acknowledged);
        Assert.Equal(0, report.Unacknowledged);
        Assert.Equal(600, count.Value);
        Assert.True(report.Retried > 0, "lost messages were retried");
        Assert.True(report.DuplicatesSuppressed > 0, "retries of persisted batches were recognised");
    }

    [Fact]
    public async Task At_most_once_gives_up_on_a_lost_acknowledgement_and_never_counts_a_batch_twice()
    {
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("at-most-once"));
        IActorRef link = Sys.ActorOf(Props.Create(() => new LossyLink(counter)));
        var options = new IncrementLoadOptions { BatchSize = 10, Window = 8, AckTimeout = TimeSpan.FromMilliseconds(300), Delivery = IncrementDelivery.AtMostOnce };

        IncrementReport report = await AcknowledgedIncrements.SendAsync(link, ["at-most-once"], 300, options);

        var count = await counter.Ask<Count>(new GetCount("at-most-once"), TimeSpan.FromSeconds(10));
        Assert.Equal(0, report.Retried);
        Assert.True(report.Unacknowledged > 0);
        Assert.InRange(count.Value, report.Acknowledged, report.Sent);
    }

    /// <summary>
    /// Forwards adds to a counter, dropping the first request of every third batch and the first reply of every
    /// other one. The counter answers in the order it was asked (one command at a time, later ones stashed behind
    /// a write), so replies are matched to requests by a queue.
    /// </summary>
    private sealed class LossyLink : ReceiveActor
    {
        private readonly HashSet<long> _requestDropped = [];
        private readonly HashSet<long> _replyDropped = [];
        private readonly Queue<(long Number, IActorRef Client)> _asked = new();
        private long _unnumbered;

        public LossyLink(IActorRef counter)
        {
            Receive<Add>(add =>
            {
                long number = add.Batch?.Sequence ?? _unnumbered++;
                if (number % 3 == 0 && _requestDropped.Add(number))
                {
                    return; // dropped on the way in
                }

                _asked.Enqueue((number, Sender));
                counter.Tell(add, Self);
            });
            Receive<Added>(added =>
            {
                (long number, IActorRef client) = _asked.Dequeue();
                if (number % 2 == 1 && _replyDropped.Add(number))
                {
                    return; // dropped on the way back, after the write
                }

                client.Tell(added);
            });
        }
    }
}
