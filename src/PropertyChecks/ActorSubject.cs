using ActorConcurrency.Actors.Lru;
using Akka.Actor;

namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// The LRU owner actor under test, driven only by messages: each operation is an Ask whose reply is the
/// result. Blocking on the reply is fine here: properties run on CsCheck's worker threads, not on the
/// actor system's dispatcher.
/// <para>
/// An Ask has no time limit. How long a reply takes says nothing about linearizability, and on a loaded
/// machine replies are slow: with twelve actor properties at once in one process on two shared cores (load
/// average ~60) single Asks were measured at up to 17.6 s (5.8 s with six). The 10 s limit this subject had
/// could turn such a reply into an <c>AskTimeoutException</c>, which CsCheck reports as a failing example
/// (and, thrown from <c>equal</c>, swallows into "no linearization matched"). What an Ask must not do is hang: the subject watches its
/// actor, and an Ask whose actor stopped before replying fails at once, naming the message.
/// </para>
/// <para>
/// The actor is spawned on first use, not when the subject is made: CsCheck's SampleParallel regenerates
/// the initial (actual, model) pair for every interleaving it replays and for its failure report, and uses
/// only the model of those; spawning there would leave several idle actors per iteration alive until the
/// property ends (tens of thousands in a soak).
/// </para>
/// </summary>
internal sealed class ActorSubject : LruSubject
{
    /// <summary>The actor and the task its termination completes (Akka's DeathWatch), made together on first use.</summary>
    private readonly Lazy<(IActorRef Actor, Task Stopped)> _actor;

    /// <param name="spawn">Spawns the actor; called once, by the first operation or check.</param>
    /// <param name="traceOrder">Whether every operation's log line carries the recency order after it.</param>
    public ActorSubject(Func<IActorRef> spawn, bool traceOrder)
        : base(traceOrder) => _actor = new(
            () =>
            {
                IActorRef actor = spawn();
                return (actor, actor.WatchAsync());
            },
            LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether the actor was spawned (a subject CsCheck made only for its model never is).</summary>
    public bool Spawned => _actor.IsValueCreated;

    public override IReadOnlyList<string> BrokenInvariants() =>
        Ask<LruProtocol.InvariantsChecked>(LruProtocol.CheckInvariants.Instance).Report.Broken;

    protected override (bool Found, int Value) Get(int key)
    {
        var result = Ask<LruProtocol.GetResult<int, int>>(new LruProtocol.Get<int>(key));
        return (result.Found, result.Value);
    }

    protected override void Put(int key, int value) => Ask<LruProtocol.Stored<int>>(new LruProtocol.Set<int, int>(key, value));

    protected override bool Delete(int key) => Ask<LruProtocol.Removed<int>>(new LruProtocol.Remove<int>(key)).Existed;

    protected override IReadOnlyList<int> Order() => Ask<LruProtocol.KeysAre<int>>(LruProtocol.GetKeys.Instance).Keys;

    /// <summary>Asks without a time limit and waits for the reply, or for the actor's end, whichever comes first.</summary>
    /// <exception cref="InvalidOperationException">The actor stopped before it replied.</exception>
    private T Ask<T>(object message)
    {
        (IActorRef actor, Task stopped) = _actor.Value;
        Task<T> reply = actor.Ask<T>(message, Timeout.InfiniteTimeSpan);
        if (Task.WaitAny(reply, stopped) == 1 && !reply.IsCompleted)
        {
            throw new InvalidOperationException($"The LRU actor {actor.Path} stopped before it replied to {message}.");
        }

        return reply.GetAwaiter().GetResult();
    }
}
