using Akka.Actor;

namespace ActorConcurrency.Bench.ActorFloor;

/// <summary>
/// The bare-Akka floor every actor benchmark group measures in the same run as its owner actor: an
/// <see cref="EchoActor"/> reached by <c>Ask</c> (a temporary actor per request) and by <c>Tell</c> to a
/// long-lived <see cref="ReplyReceiver"/> per caller thread, matched by correlation id. One round trip per
/// request, waited for before the next, exactly as the owner forms are driven: blocking (as the LRU group
/// drives its owner) or awaited (the other groups: <c>await</c> is how non-actor code should wait for a reply,
/// and it keeps the OS scheduler's wake-up latency of a blocked thread out of the comparison).
/// </summary>
public sealed class EchoFloor : IDisposable
{
    /// <summary>How long any floor or owner request may wait (a safety net, not a measurement).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ActorSystem _system;
    private readonly List<ReplyReceiver> _created = [];
    private readonly ReplyReceiver[] _echoReceivers;

    /// <summary>Spawns the echo actor in <paramref name="system"/> and one echo receiver per caller thread.</summary>
    public EchoFloor(ActorSystem system, int threads)
    {
        _system = system;
        Echo = system.ActorOf(EchoActor.Props());
        _echoReceivers = CreateReceivers(threads, static reply => reply is EchoProtocol.Ping ping ? ping.CorrelationId : -1);
    }

    /// <summary>The echo actor.</summary>
    public IActorRef Echo { get; }

    /// <summary>One long-lived receiver per caller thread, for an owner's replies, correlated by <paramref name="correlate"/>.</summary>
    public ReplyReceiver[] CreateReceivers(int threads, Func<object, long> correlate)
    {
        var receivers = new ReplyReceiver[threads];
        for (int i = 0; i < threads; i++)
        {
            receivers[i] = new ReplyReceiver(_system, correlate, Timeout);
            _created.Add(receivers[i]);
        }

        return receivers;
    }

    /// <summary><paramref name="requests"/> echo round trips by <c>Ask</c>, each waited for by blocking.</summary>
    public long AskEcho(int requests)
    {
        long sum = 0;
        for (int i = 0; i < requests; i++)
        {
            sum += Echo.Ask<EchoProtocol.Ping>(new EchoProtocol.Ping(i), Timeout).GetAwaiter().GetResult().CorrelationId;
        }

        return sum;
    }

    /// <summary><paramref name="requests"/> echo round trips by <c>Tell</c> to thread <paramref name="thread"/>'s receiver, each waited for by blocking.</summary>
    public long TellEcho(int thread, int requests)
    {
        ReplyReceiver receiver = _echoReceivers[thread];
        long sum = 0;
        for (int i = 0; i < requests; i++)
        {
            sum += ((EchoProtocol.Ping)receiver.Request(Echo, new EchoProtocol.Ping(i), i)).CorrelationId;
        }

        return sum;
    }

    /// <summary><paramref name="requests"/> echo round trips by <c>await Ask</c>.</summary>
    public async Task<long> AskEchoAsync(int requests)
    {
        long sum = 0;
        for (int i = 0; i < requests; i++)
        {
            sum += (await Echo.Ask<EchoProtocol.Ping>(new EchoProtocol.Ping(i), Timeout).ConfigureAwait(false)).CorrelationId;
        }

        return sum;
    }

    /// <summary><paramref name="requests"/> echo round trips by <c>Tell</c> to caller <paramref name="thread"/>'s receiver, each awaited.</summary>
    public async Task<long> TellEchoAsync(int thread, int requests)
    {
        ReplyReceiver receiver = _echoReceivers[thread];
        long sum = 0;
        for (int i = 0; i < requests; i++)
        {
            sum += ((EchoProtocol.Ping)await receiver.RequestAsync(Echo, new EchoProtocol.Ping(i), i).ConfigureAwait(false)).CorrelationId;
        }

        return sum;
    }

    /// <summary>Unregisters every receiver created here.</summary>
    public void Dispose()
    {
        foreach (ReplyReceiver receiver in _created)
        {
            receiver.Dispose();
        }
    }
}
