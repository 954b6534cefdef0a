using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The hooks of <c>SynchronizationContext.Post</c> and <c>Send</c> called by rewritten code (see <see cref="CallbackFork"/>):
/// the code that posted a callback happens before its run, as a go statement's past happens before the goroutine; a
/// callback sent (run synchronously, on the context's thread or inline) also ends before <c>Send</c> returns. Whatever
/// the context does with the callback (a pool thread, a UI loop, inline) the run is the callback's own logical thread.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SynchronizationContextHooks
{
    /// <summary>Replaces <c>SynchronizationContext.Post(SendOrPostCallback, object)</c>.</summary>
    public static void Post(SynchronizationContext context, SendOrPostCallback d, object? state)
    {
        if (context is not null && CallbackFork.Submit(d, "posted callback", oneShot: true) is { } fork)
        {
            context.Post(s => fork.Run(() => d(s)), state);
        }
        else
        {
            context!.Post(d, state);
        }
    }

    /// <summary>Replaces <c>SynchronizationContext.Send(SendOrPostCallback, object)</c>: the run's end is joined when it returns.</summary>
    public static void Send(SynchronizationContext context, SendOrPostCallback d, object? state)
    {
        if (context is null || CallbackFork.Submit(d, "sent callback", oneShot: false) is not { } fork)
        {
            context!.Send(d, state);
            return;
        }

        try
        {
            context.Send(s => fork.Run(() => d(s)), state);
        }
        finally
        {
            fork.Joined();
        }
    }
}
