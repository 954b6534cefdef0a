using Akka.Actor;

namespace ActorConcurrency.Actors.Singleflight;

/// <summary>
/// One flight of a <see cref="SingleflightCoordinator{TKey,TValue}"/>: the compute's task and the senders waiting
/// for it. Its waiters are touched only by the coordinator. When the task ends, the flight sends itself to the
/// coordinator as the "flight ended" message (<see cref="SendBackWhenComputed"/>); the task's completion orders its
/// outcome before that Tell, and the mailbox hand-off orders the Tell before the coordinator reads it.
/// </summary>
internal sealed class SingleflightFlight<TKey, TValue>
    where TKey : notnull
{
    /// <summary>The leader; kept apart from <see cref="_joiners"/> so a flight nobody joins allocates no list.</summary>
    private readonly IActorRef _leader;

    private List<IActorRef>? _joiners;

    public SingleflightFlight(IActorRef owner, TKey key, Task<TValue> computed, IActorRef leader)
    {
        Owner = owner;
        Key = key;
        Computed = computed;
        _leader = leader;
    }

    /// <summary>The coordinator that started the flight, to which it is sent back.</summary>
    public IActorRef Owner { get; }

    public TKey Key { get; }

    /// <summary>The compute's task (a faulted one when the compute threw before returning it).</summary>
    public Task<TValue> Computed { get; }

    /// <summary>How many senders wait: the leader and every joiner.</summary>
    public int WaiterCount => 1 + (_joiners?.Count ?? 0);

    public void AddWaiter(IActorRef waiter) => (_joiners ??= []).Add(waiter);

    /// <summary>Sends <paramref name="message"/> to every waiter, the leader first, then the joiners in arrival order.</summary>
    public void TellAll(object message, IActorRef sender)
    {
        _leader.Tell(message, sender);
        if (_joiners is null)
        {
            return;
        }

        foreach (IActorRef joiner in _joiners)
        {
            joiner.Tell(message, sender);
        }
    }

    /// <summary>Sends the flight to <see cref="Owner"/> once <see cref="Computed"/> has ended (at once when it has).</summary>
    public void SendBackWhenComputed()
    {
        if (Computed.IsCompleted)
        {
            SendBack();
        }
        else
        {
            Computed.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(SendBack);
        }
    }

    private void SendBack() => Owner.Tell(this, ActorRefs.NoSender);
}
