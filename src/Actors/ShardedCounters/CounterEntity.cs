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
/// </summary>
public sealed class CounterEntity : ReceivePersistentActor
{
    /// <summary>Prefix of the journal's persistence ids; the entity id (the key) follows it.</summary>
    public const string PersistenceIdPrefix = "counter-";

    private readonly string _key;

    /// <summary>Every persisted increment, replayed or written by this incarnation.</summary>
    private long _count;

    /// <summary>Creates the entity for <paramref name="key"/>.</summary>
    public CounterEntity(string key)
    {
        _key = key;
        PersistenceId = PersistenceIdPrefix + key;

        Recover<ShardedCounterProtocol.Incremented>(e => _count += e.Amount);

        Command<ShardedCounterProtocol.Add>(add =>
        {
            if (add.Amount <= 0)
            {
                Sender.Tell(new ShardedCounterProtocol.Rejected(_key, $"amount must be positive, got {add.Amount}"));
                return;
            }

            IActorRef replyTo = Sender;
            Persist(new ShardedCounterProtocol.Incremented(add.Amount), e =>
            {
                long before = _count;
                _count += e.Amount;
                System.Diagnostics.Debug.Assert(_count > before, "a counter only grows");
                replyTo.Tell(new ShardedCounterProtocol.Added(_key, e.Amount, _count));
            });
        });
        Command<ShardedCounterProtocol.GetCount>(_ => Sender.Tell(new ShardedCounterProtocol.Count(_key, _count)));
        Command<ShardedCounterProtocol.HandOffStop>(_ => Context.Stop(Self));
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <summary>The props the shard region uses to create the entity named <paramref name="key"/>.</summary>
    public static Props Props(string key) => Akka.Actor.Props.Create(() => new CounterEntity(key));

    /// <summary>A failed journal write is reported, not swallowed: the entity stops and the sender gets no ack.</summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Context.GetLogger().Error(cause, "Counter {0}: journal write {1} failed; the increment was not acknowledged.", _key, sequenceNr);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }
}
