using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>SpinLock</c> as a mutex (Go's <c>sync.Mutex</c> rule): an <c>Exit</c> happens before every later successful
/// <c>Enter</c>/<c>TryEnter</c>. A <c>SpinLock</c> is a struct, so it is keyed by the location it lives in (the field or
/// element the rewritten caller hands over with the pointer, as for a <c>ref</c> argument): a GC moving its object
/// changes nothing. A lock race mode cannot name (a local passed by pointer from code it did not rewrite) orders through
/// the global clock, counted.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpinLockHooks
{
    public static void Enter(ref SpinLock spinLock, ref bool lockTaken)
    {
        object? key = KeyOf(ref spinLock);
        spinLock.Enter(ref lockTaken);
        Entered(key, lockTaken);
    }

    public static void TryEnter(ref SpinLock spinLock, ref bool lockTaken)
    {
        object? key = KeyOf(ref spinLock);
        spinLock.TryEnter(ref lockTaken);
        Entered(key, lockTaken);
    }

    public static void TryEnter(ref SpinLock spinLock, int millisecondsTimeout, ref bool lockTaken)
    {
        object? key = KeyOf(ref spinLock);
        spinLock.TryEnter(millisecondsTimeout, ref lockTaken);
        Entered(key, lockTaken);
    }

    public static void TryEnter(ref SpinLock spinLock, TimeSpan timeout, ref bool lockTaken)
    {
        object? key = KeyOf(ref spinLock);
        spinLock.TryEnter(timeout, ref lockTaken);
        Entered(key, lockTaken);
    }

    public static void Exit(ref SpinLock spinLock)
    {
        Exiting(KeyOf(ref spinLock));
        spinLock.Exit();
    }

    public static void Exit(ref SpinLock spinLock, bool useMemoryBarrier)
    {
        Exiting(KeyOf(ref spinLock));
        spinLock.Exit(useMemoryBarrier);
    }

    /// <summary>The shadow location of the field or element holding the lock, handed over by the caller; null when unknown.</summary>
    private static object? KeyOf(ref SpinLock spinLock)
    {
        int target = RefHooks.Take(ref Unsafe.As<SpinLock, byte>(ref spinLock), out object? owner, out nint index);
        return target != 0 && RaceSession.Active is { } session ? PointerTargets.Resolve(session, owner, index, target) : null;
    }

    private static void Entered(object? key, bool lockTaken)
    {
        if (!lockTaken)
        {
            return;
        }

        if (key is null)
        {
            SyncHooks.AcquireAny();
        }
        else
        {
            SyncHooks.Acquire(key);
        }
    }

    private static void Exiting(object? key)
    {
        if (key is null)
        {
            SyncHooks.ReleaseAny();
        }
        else
        {
            SyncHooks.Release(key);
        }
    }
}
