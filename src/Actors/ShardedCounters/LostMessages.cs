using Akka.Actor;
using Akka.Event;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>The live counts of a <see cref="LostMessageCounter"/>, read from any thread.</summary>
public sealed class LostMessages
{
    /// <summary>Starts counting on <paramref name="system"/>'s event stream and returns the live counts.</summary>
    public static LostMessages Start(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var counts = new LostMessages();
        IActorRef counter = system.ActorOf(Props.Create(() => new LostMessageCounter(counts)), "lost-message-counter");
        system.EventStream.Subscribe(counter, typeof(DeadLetter));
        system.EventStream.Subscribe(counter, typeof(Warning));
        return counts;
    }

    internal long DeadLettersField, ShardDropsField;

    /// <summary>Dead letters seen.</summary>
    public long DeadLetters => Volatile.Read(ref DeadLettersField);

    /// <summary>Messages a shard region dropped (during a hand-off, or with its buffer full).</summary>
    public long ShardDrops => Volatile.Read(ref ShardDropsField);
}
