using System.Numerics;
using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// Go's atomic integer operations on a <see cref="TrackedAtomic{T}"/> of any integer type — <c>int</c>,
/// <c>long</c>, <c>uint</c>, <c>ulong</c> (Go's Int32, Int64, Uint32, Uint64) and the others — at the
/// type's own width, wrapping on overflow as Go's do: no widening to 64 bits. Each is one read-modify-write
/// (acquire and release).
/// </summary>
public static class TrackedAtomicArithmetic
{
    /// <summary>Go's <c>Add</c> / <c>Interlocked.Add</c>: adds <paramref name="delta"/> (wrapping) and returns the new value.</summary>
    public static T Add<T>(this TrackedAtomic<T> atomic, T delta, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : IBinaryInteger<T>
    {
        ArgumentNullException.ThrowIfNull(atomic);
        using AtomicScope scope = atomic.Location.EnterAtomic(atomic.Detector.CurrentThread(), member, file, line);
        T updated = unchecked(atomic.Value + delta);
        atomic.Value = updated;
        scope.ReadModifyWrite();
        return updated;
    }

    /// <summary>Go's <c>And</c>: bitwise and with <paramref name="mask"/>; returns the old value.</summary>
    public static T And<T>(this TrackedAtomic<T> atomic, T mask, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : IBinaryInteger<T>
    {
        ArgumentNullException.ThrowIfNull(atomic);
        using AtomicScope scope = atomic.Location.EnterAtomic(atomic.Detector.CurrentThread(), member, file, line);
        T old = atomic.Value;
        atomic.Value = old & mask;
        scope.ReadModifyWrite();
        return old;
    }

    /// <summary>Go's <c>Or</c>: bitwise or with <paramref name="mask"/>; returns the old value.</summary>
    public static T Or<T>(this TrackedAtomic<T> atomic, T mask, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : IBinaryInteger<T>
    {
        ArgumentNullException.ThrowIfNull(atomic);
        using AtomicScope scope = atomic.Location.EnterAtomic(atomic.Detector.CurrentThread(), member, file, line);
        T old = atomic.Value;
        atomic.Value = old | mask;
        scope.ReadModifyWrite();
        return old;
    }
}
