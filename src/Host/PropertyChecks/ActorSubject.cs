using ActorConcurrency.Actors.Lru;
using Akka.Actor;

namespace ActorConcurrency.Host.PropertyChecks;

/// <summary>
/// The LRU owner actor under test, driven only by messages: each operation is an Ask whose reply is the
/// result. Blocking on the reply is fine here: properties run on CsCheck's worker threads, not on the
/// actor system's dispatcher.
/// </summary>
internal sealed class ActorSubject : LruSubject
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly IActorRef _actor;

    public ActorSubject(IActorRef actor, bool traceOrder)
        : base(traceOrder) => _actor = actor;

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

    private T Ask<T>(object message) => _actor.Ask<T>(message, Timeout).GetAwaiter().GetResult();
}
