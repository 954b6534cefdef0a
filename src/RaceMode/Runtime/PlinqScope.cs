using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// One PLINQ query chain (the operators built on one <c>AsParallel()</c>, see <see cref="PlinqHooks"/>) and its
/// execution. A terminal operator or an enumeration starts it: a <see cref="CallbackFork"/> from the caller, so what the
/// caller did before happens before every call of the query's delegates; each call is a logical thread of its own and
/// hands over the values it passes on (it acquires its reference-type arguments and releases its result, the way a
/// worker hands an element or an accumulator to the next operator); the caller acquires every call's end when the
/// terminal operator returns, or after each <c>MoveNext</c>. Calls of a query no hooked execution started (one a
/// framework method enumerates), or started twice at once, run on whatever thread the framework gives them, as before
/// PLINQ was modelled: a miss, never a false race.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PlinqScope
{
    private readonly object _gate = new();
    private CallbackFork? _execution;
    private int _running;
    private bool _overlapped;

    internal void Start()
    {
        CallbackFork? fork = CallbackFork.Submit("PLINQ call", oneShot: false);
        lock (_gate)
        {
            if (_running++ == 0)
            {
                _execution = fork;
                _overlapped = false;
            }
            else
            {
                // Two executions at once: whose past a call follows is unknown, so calls are not forked any more.
                _overlapped = true;
                fork?.Retire();
            }
        }
    }

    /// <summary>The caller learns every call that ended so far (after a <c>MoveNext</c> that returned an element).</summary>
    internal void Observe()
    {
        CallbackFork? execution;
        lock (_gate)
        {
            execution = _execution;
        }

        if (execution is not null)
        {
            SyncHooks.Acquire(execution.End);
        }
    }

    /// <summary>The execution ended (the terminal operator returned, the enumeration ended or was disposed).</summary>
    internal void Finish()
    {
        CallbackFork? execution;
        bool last;
        lock (_gate)
        {
            execution = _execution;
            last = _running > 0 && --_running == 0;
            if (last)
            {
                _execution = null;
            }
        }

        if (execution is null)
        {
            return;
        }

        if (last)
        {
            execution.Joined();
        }
        else
        {
            SyncHooks.Acquire(execution.End);
        }
    }

    internal TResult Call<TResult>(Func<TResult> call, object? first, object? second, object? third)
    {
        CallbackFork? execution;
        lock (_gate)
        {
            execution = _overlapped ? null : _execution;
        }

        return execution is null ? call() : execution.Run(() =>
        {
            Take(first);
            Take(second);
            Take(third);
            TResult result = call();
            if (Handed(result))
            {
                SyncHooks.Release(result);
            }

            return result;
        });
    }

    /// <summary>A value handed from call to call: an object with an identity (a string's is the text's, not the call's).</summary>
    private static bool Handed(object? value) => value is not null and not string && !value.GetType().IsValueType;

    /// <summary>Takes over a value another call handed on.</summary>
    internal static void Take(object? value)
    {
        if (Handed(value))
        {
            SyncHooks.Acquire(value);
        }
    }
}
