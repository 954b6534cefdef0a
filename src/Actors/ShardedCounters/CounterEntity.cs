using Akka.Actor;
using Akka.Event;
using Akka.Persistence;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// Task 19, actor form: one named counter, a persistent sharded entity. The count is owned by the entity
/// (one message at a time, no lock) and every accepted <see cref="ShardedCounterProtocol.Add"/> is written
/// to the journal before the sender hears <see cref="ShardedCounterProtocol.Added"/>: <c>Persist</c> stashes
/// the commands that arrive meanwhile, so a <see cref="ShardedCounterProtocol.GetCount"/> never reports an
/// increment the journal could still lose. After a crash or a move to another node the entity replays its
/// journal and comes back with every acknowledged increment.
/// <para>
/// An <see cref="ShardedCounterProtocol.Add"/> with a batch id is counted once however often it arrives: the id
/// goes into the event, the entity remembers the ids it counted (<see cref="AppliedBatches"/>, rebuilt on
/// replay), and a batch it already has is acknowledged again without a write. The check runs before
/// <c>Persist</c>, and <c>Persist</c> stashes every later command until its event is applied, so a retry that
/// arrives while the first attempt is being written is checked against the state after that write.
/// </para>
/// </summary>
public sealed class CounterEntity : ReceivePersistentActor
{
    /// <summary>A snapshot every this many events: a recovery replays at most this many events after the newest one.</summary>
    public const int SnapshotEvery = 1000;

    /// <summary>Prefix of the journal's persistence ids; the entity id (the key) follows it.</summary>
    public const string PersistenceIdPrefix = "counter-";

    private readonly string _key;

    /// <summary>Every persisted increment, replayed or written by this incarnation.</summary>
    private long _count;

    /// <summary>The batch ids counted so far, replayed or written by this incarnation.</summary>
    private readonly AppliedBatches _applied = new();

    /// <summary>Creates the entity for <paramref name="key"/>.</summary>
    public CounterEntity(string key)
    {
        _key = key;
        PersistenceId = PersistenceIdPrefix + key;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is ShardedCounterProtocol.CounterSnapshot snapshot)
            {
                _count = snapshot.Count;
                _applied.Restore(snapshot.Batches);
            }
        });
        Recover<ShardedCounterProtocol.Incremented>(Apply);

        Command<ShardedCounterProtocol.Add>(add =>
        {
            if (add.Amount <= 0)
            {
                Sender.Tell(new ShardedCounterProtocol.Rejected(_key, $"amount must be positive, got {add.Amount}"));
                return;
            }

            ShardedCounterProtocol.BatchId? id = add.Batch;
            if (id is not null)
            {
                if (AppliedBatches.Refusal(id) is { } refusal)
                {
                    Sender.Tell(new ShardedCounterProtocol.Rejected(_key, refusal));
                    return;
                }

                if (_applied.Contains(id))
                {
                    Sender.Tell(new ShardedCounterProtocol.Added(_key, add.Amount, _count, Duplicate: true));
                    return;
                }
            }

            IActorRef replyTo = Sender;
            var incremented = new ShardedCounterProtocol.Incremented(add.Amount, id?.Client, id?.Sequence ?? 0, id?.OldestUnacknowledged ?? 0);
            Persist(incremented, e =>
            {
                long before = _count;
                Apply(e);
                System.Diagnostics.Debug.Assert(_count > before, "a counter only grows");
                replyTo.Tell(new ShardedCounterProtocol.Added(_key, e.Amount, _count));
                if (LastSequenceNr % SnapshotEvery == 0)
                {
                    // Recovery then replays at most SnapshotEvery events, however long the counter's history.
                    SaveSnapshot(new ShardedCounterProtocol.CounterSnapshot(_count, _applied.ToSnapshot()));
                }
            });
        });
        Command<ShardedCounterProtocol.GetCount>(_ => Sender.Tell(new ShardedCounterProtocol.Count(_key, _count)));
        Command<ShardedCounterProtocol.HandOffStop>(_ => Context.Stop(Self));
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed =>
            Context.GetLogger().Warning(failed.Cause, "Counter {0}: snapshot at {1} failed; recovery replays from the previous one.", _key, failed.Metadata.SequenceNr));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { }); // an older snapshot left behind costs space, never correctness
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    private void Apply(ShardedCounterProtocol.Incremented e)
    {
        _count += e.Amount;
        if (e.Client is not null)
        {
            _applied.Record(e.Client, e.Sequence, e.OldestUnacknowledged);
        }
    }

    /// <summary>The props the shard region uses to create the entity named <paramref name="key"/>.</summary>
    public static Props Props(string key) => Akka.Actor.Props.Create(() => new CounterEntity(key));

    /// <summary>A failed journal write is reported, not swallowed: the entity stops and the sender gets no ack.</summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Context.GetLogger().Error(cause, "Counter {0}: journal write {1} failed; the increment was not acknowledged.", _key, sequenceNr);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }
}
