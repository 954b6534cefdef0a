using System.Runtime.CompilerServices;
using Akka.Actor;

namespace ActorConcurrency.Actors.Singleflight;

/// <summary>
/// One flight of a <see cref="SingleflightCoordinator{TKey,TValue}"/>. Its waiters are touched only by the
/// coordinator; the rest is a small state machine that runs off the coordinator's thread: as a thread-pool
/// work item it calls the compute (so not even its synchronous prefix runs on the actor), waits for its task
/// without blocking, records the value or the exception, and then sends itself back to the coordinator as
/// the "flight ended" message. The outcome fields are written before that Tell and read after the
/// coordinator receives it; the mailbox hand-off orders them.
/// </summary>
internal sealed class SingleflightFlight<TKey, TValue> : IThreadPoolWorkItem
    where TKey : notnull
{
    private readonly Func<Task<TValue>> _compute;

    /// <summary>The leader; kept apart from <see cref="_joiners"/> so a flight nobody joins allocates no list.</summary>
    private readonly IActorRef _leader;

    private List<IActorRef>? _joiners;
    private ConfiguredTaskAwaitable<TValue>.ConfiguredTaskAwaiter _awaiter;

    public SingleflightFlight(IActorRef owner, TKey key, Func<Task<TValue>> compute, IActorRef leader)
    {
        Owner = owner;
        Key = key;
        _compute = compute;
        _leader = leader;
    }

    /// <summary>The coordinator that started the flight, to which it is sent back.</summary>
    public IActorRef Owner { get; }

    public TKey Key { get; }

    /// <summary>The compute's value; meaningful when <see cref="Error"/> is null, once the flight has ended.</summary>
    public TValue Value { get; private set; } = default!;

    /// <summary>The compute's own exception (an <see cref="OperationCanceledException"/> when it was canceled), once ended.</summary>
    public Exception? Error { get; private set; }

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

    /// <summary>Queues the compute on the thread pool (the coordinator's own pool thread picks it up first when it is free).</summary>
    public void Start() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);

    void IThreadPoolWorkItem.Execute()
    {
        Task<TValue> computed;
        try
        {
            computed = _compute();
        }
        catch (Exception e)
        {
            Error = e;
            Owner.Tell(this, ActorRefs.NoSender);
            return;
        }

        _awaiter = computed.ConfigureAwait(false).GetAwaiter();
        if (_awaiter.IsCompleted)
        {
            Ended();
        }
        else
        {
            _awaiter.UnsafeOnCompleted(Ended);
        }
    }

    private void Ended()
    {
        try
        {
            // Rethrows the task's own exception: for a canceled task its OperationCanceledException (or the
            // one TaskCanceledException created here, when the task was canceled without one).
            Value = _awaiter.GetResult();
        }
        catch (Exception e)
        {
            Error = e;
        }

        Owner.Tell(this, ActorRefs.NoSender);
    }
}
