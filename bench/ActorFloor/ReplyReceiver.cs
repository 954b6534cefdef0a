using System.Threading.Tasks.Sources;
using Akka.Actor;

namespace ActorConcurrency.Bench.ActorFloor;

/// <summary>
/// Request/response without a temporary actor per request: one long-lived receiver per caller, created once,
/// given as the sender of every request (<c>target.Tell(request, receiver)</c>), so the target's ordinary
/// <c>Sender.Tell(reply)</c> lands here. <c>Ask</c> instead builds, per request, a promise, a temporary
/// <see cref="IActorRef"/> registered with a fresh temp path, a timeout registration and a continuation that
/// unregisters it. The receiver has one request outstanding at a time (like a caller that waits on its
/// <c>Ask</c>), and a reply counts only if it answers that request: its correlation (<see cref="Correlate"/>)
/// must equal the request's, so a late reply to an abandoned request is ignored, not mistaken for the next.
/// Two ways to wait: <see cref="Request"/> blocks the calling thread (as <c>Ask(...).GetResult()</c> does),
/// <see cref="RequestAsync"/> returns a reusable <see cref="ValueTask{TResult}"/> whose continuation runs on
/// the thread pool (as <c>await Ask(...)</c> does).
/// </summary>
public sealed class ReplyReceiver : MinimalActorRef, IValueTaskSource<object>, IDisposable
{
    private readonly IActorRefProvider _provider;
    private readonly ActorPath _path;
    private readonly Func<object, long> _correlate;
    private readonly TimeSpan _timeout;
    private readonly ManualResetEventSlim _arrived = new(false);
    private ManualResetValueTaskSourceCore<object> _async = new() { RunContinuationsAsynchronously = true };

    /// <summary>The correlation of the outstanding request; written by the caller before it sends the request.</summary>
    private long _expected;

    /// <summary>0 while no reply is awaited, 1 for a blocking wait, 2 for an asynchronous wait.</summary>
    private int _waiting;

    private object? _reply;

    /// <summary>Creates a receiver in <paramref name="system"/>, registered once under a temp path.</summary>
    /// <param name="system">The actor system of the targets.</param>
    /// <param name="correlate">The correlation of a reply (for instance its correlation id or key); any value no request uses for a message that answers none.</param>
    /// <param name="timeout">How long a request waits for its reply.</param>
    public ReplyReceiver(ActorSystem system, Func<object, long> correlate, TimeSpan timeout)
    {
        _provider = ((ExtendedActorSystem)system).Provider;
        _path = _provider.TempPath();
        _correlate = correlate;
        _timeout = timeout;
        _provider.RegisterTempActor(this, _path);
    }

    /// <inheritdoc />
    public override ActorPath Path => _path;

    /// <inheritdoc />
    public override IActorRefProvider Provider => _provider;

    /// <summary>Sends <paramref name="request"/> to <paramref name="target"/> and blocks until the reply correlated <paramref name="correlation"/> arrives.</summary>
    /// <exception cref="TimeoutException">No such reply within the timeout.</exception>
    public object Request(IActorRef target, object request, long correlation)
    {
        _reply = null;
        _arrived.Reset();
        _expected = correlation;
        Volatile.Write(ref _waiting, 1);
        target.Tell(request, this);
        if (!_arrived.Wait(_timeout))
        {
            Volatile.Write(ref _waiting, 0);
            throw new TimeoutException($"no reply to {request} within {_timeout}");
        }

        return Unwrap(_reply!);
    }

    /// <summary>Sends <paramref name="request"/> to <paramref name="target"/>; the task completes with the reply correlated <paramref name="correlation"/>.</summary>
    public ValueTask<object> RequestAsync(IActorRef target, object request, long correlation)
    {
        _async.Reset();
        _expected = correlation;
        Volatile.Write(ref _waiting, 2);
        target.Tell(request, this);
        return new ValueTask<object>(this, _async.Version);
    }

    /// <summary>Unregisters the receiver's temp path.</summary>
    public void Dispose()
    {
        _provider.UnregisterTempActor(_path);
        _arrived.Dispose();
    }

    object IValueTaskSource<object>.GetResult(short token) => Unwrap(_async.GetResult(token));

    ValueTaskSourceStatus IValueTaskSource<object>.GetStatus(short token) => _async.GetStatus(token);

    void IValueTaskSource<object>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _async.OnCompleted(continuation, state, token, flags);

    /// <summary>Runs on the replying actor's thread.</summary>
    protected override void TellInternal(object message, IActorRef sender)
    {
        // Status.Failure answers whatever is outstanding; any other message must carry the expected correlation.
        if (message is not Status.Failure && _correlate(message) != Volatile.Read(ref _expected))
        {
            return; // a stale reply to a request that timed out
        }

        switch (Interlocked.Exchange(ref _waiting, 0))
        {
            case 1:
                _reply = message;
                _arrived.Set();
                break;
            case 2:
                _async.SetResult(message);
                break;
        }
    }

    private static object Unwrap(object reply) => reply is Status.Failure failure ? throw failure.Cause : reply;
}
