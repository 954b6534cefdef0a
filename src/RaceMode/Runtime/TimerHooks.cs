using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Timers;
using ThreadingTimer = System.Threading.Timer;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The hooks of timer callbacks (see <see cref="CallbackFork"/>): <c>new System.Threading.Timer(callback, …)</c> and
/// <c>System.Timers.Timer.Elapsed += handler</c>. The code that made the timer (or added the handler) happens before
/// every tick; a tick also follows the last <c>Change</c> (or <c>Start</c>, <c>Interval</c>, <c>Enabled</c>) made before it,
/// since rewritten code releases a timer before each call on it. Ticks are concurrent with each other.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TimerHooks
{
    private static readonly ConditionalWeakTable<System.Timers.Timer, List<(ElapsedEventHandler Handler, ElapsedEventHandler Wrapped)>> s_handlers = new();

    /// <summary>Replaces <c>new Timer(TimerCallback)</c> (the timer is its own state).</summary>
    public static ThreadingTimer NewTimer(TimerCallback callback)
    {
        if (CallbackFork.Submit(callback, "timer", oneShot: false) is not { } fork)
        {
            return new ThreadingTimer(callback!);
        }

        return new ThreadingTimer(state => fork.Run(() => callback(state), state));
    }

    /// <summary>Replaces <c>new Timer(TimerCallback, object, int, int)</c>.</summary>
    public static ThreadingTimer NewTimer(TimerCallback callback, object? state, int dueTime, int period) =>
        Make(callback, wrapped => new ThreadingTimer(wrapped, state, dueTime, period));

    /// <summary>Replaces <c>new Timer(TimerCallback, object, long, long)</c>.</summary>
    public static ThreadingTimer NewTimer(TimerCallback callback, object? state, long dueTime, long period) =>
        Make(callback, wrapped => new ThreadingTimer(wrapped, state, dueTime, period));

    /// <summary>Replaces <c>new Timer(TimerCallback, object, TimeSpan, TimeSpan)</c>.</summary>
    public static ThreadingTimer NewTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Make(callback, wrapped => new ThreadingTimer(wrapped, state, dueTime, period));

    /// <summary>Replaces <c>new Timer(TimerCallback, object, uint, uint)</c>.</summary>
    public static ThreadingTimer NewTimer(TimerCallback callback, object? state, uint dueTime, uint period) =>
        Make(callback, wrapped => new ThreadingTimer(wrapped, state, dueTime, period));

    /// <summary>Replaces <c>System.Timers.Timer.Elapsed += handler</c>.</summary>
    public static void AddElapsed(System.Timers.Timer timer, ElapsedEventHandler value)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (CallbackFork.Submit(value, "timer elapsed", oneShot: false) is not { } fork)
        {
            timer.Elapsed += value;
            return;
        }

        ElapsedEventHandler wrapped = (sender, e) => fork.Run(() => value(sender, e), timer);
        List<(ElapsedEventHandler, ElapsedEventHandler)> handlers = s_handlers.GetValue(timer, static _ => []);
        lock (handlers)
        {
            handlers.Add((value, wrapped));
        }

        timer.Elapsed += wrapped;
    }

    /// <summary>Replaces <c>System.Timers.Timer.Elapsed -= handler</c>: removes the handler's latest wrapper.</summary>
    public static void RemoveElapsed(System.Timers.Timer timer, ElapsedEventHandler value)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ElapsedEventHandler removed = value;
        if (value is not null && s_handlers.TryGetValue(timer, out List<(ElapsedEventHandler Handler, ElapsedEventHandler Wrapped)>? handlers))
        {
            lock (handlers)
            {
                int last = handlers.FindLastIndex(h => h.Handler == value);
                if (last >= 0)
                {
                    removed = handlers[last].Wrapped;
                    handlers.RemoveAt(last);
                }
            }
        }

        timer.Elapsed -= removed;
    }

    private static ThreadingTimer Make(TimerCallback callback, Func<TimerCallback, ThreadingTimer> create)
    {
        if (CallbackFork.Submit(callback, "timer", oneShot: false) is not { } fork)
        {
            return create(callback!);
        }

        // The tick may come before the constructor returns: it then follows the submission only.
        var timer = new StrongBox<ThreadingTimer?>();
        timer.Value = create(state => fork.Run(() => callback(state), Volatile.Read(ref timer.Value)));
        return timer.Value;
    }
}
