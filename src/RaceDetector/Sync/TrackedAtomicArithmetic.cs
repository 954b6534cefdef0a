using System.Numerics;
using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// Go's atomic integer operations on a <see cref="TrackedAtomic{T}"/> of <c>int</c>, <c>long</c>, <c>uint</c>
/// and <c>ulong</c> (Go's Int32, Int64, Uint32, Uint64) at the type's own width, wrapping on overflow as
/// Go's do: no widening to 64 bits. Each is one read-modify-write (acquire and release).
/// </summary>
public static class TrackedAtomicArithmetic
{
    /// <summary>Go's <c>AddInt32</c> / <c>Interlocked.Add</c>: adds <paramref name="delta"/> (wrapping) and returns the new value.</summary>
    public static int Add(this TrackedAtomic<int> atomic, int delta, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, delta, static (old, operand) => unchecked(old + operand), returnNew: true, member, file, line);

    /// <summary>Go's <c>AndInt32</c>: bitwise and with <paramref name="mask"/>; returns the old value.</summary>
    public static int And(this TrackedAtomic<int> atomic, int mask, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, mask, static (old, operand) => old & operand, returnNew: false, member, file, line);

    /// <summary>Go's <c>OrInt32</c>: bitwise or with <paramref name="mask"/>; returns the old value.</summary>
    public static int Or(this TrackedAtomic<int> atomic, int mask, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, mask, static (old, operand) => old | operand, returnNew: false, member, file, line);

    /// <summary>Go's <c>AddInt64</c> / <c>Interlocked.Add</c>: adds <paramref name="delta"/> (wrapping) and returns the new value.</summary>
    public static long Add(this TrackedAtomic<long> atomic, long delta, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, delta, static (old, operand) => unchecked(old + operand), returnNew: true, member, file, line);

    /// <summary>Go's <c>AndInt64</c>: bitwise and with <paramref name="mask"/>; returns the old value.</summary>
    public static long And(this TrackedAtomic<long> atomic, long mask, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, mask, static (old, operand) => old & operand, returnNew: false, member, file, line);

    /// <summary>Go's <c>OrInt64</c>: bitwise or with <paramref name="mask"/>; returns the old value.</summary>
    public static long Or(this TrackedAtomic<long> atomic, long mask, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, mask, static (old, operand) => old | operand, returnNew: false, member, file, line);

    /// <summary>Go's <c>AddUint32</c> / <c>Interlocked.Add</c>: adds <paramref name="delta"/> (wrapping) and returns the new value.</summary>
    public static uint Add(this TrackedAtomic<uint> atomic, uint delta, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, delta, static (old, operand) => unchecked(old + operand), returnNew: true, member, file, line);

    /// <summary>Go's <c>AndUint32</c>: bitwise and with <paramref name="mask"/>; returns the old value.</summary>
    public static uint And(this TrackedAtomic<uint> atomic, uint mask, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, mask, static (old, operand) => old & operand, returnNew: false, member, file, line);

    /// <summary>Go's <c>OrUint32</c>: bitwise or with <paramref name="mask"/>; returns the old value.</summary>
    public static uint Or(this TrackedAtomic<uint> atomic, uint mask, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, mask, static (old, operand) => old | operand, returnNew: false, member, file, line);

    /// <summary>Go's <c>AddUint64</c> / <c>Interlocked.Add</c>: adds <paramref name="delta"/> (wrapping) and returns the new value.</summary>
    public static ulong Add(this TrackedAtomic<ulong> atomic, ulong delta, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, delta, static (old, operand) => unchecked(old + operand), returnNew: true, member, file, line);

    /// <summary>Go's <c>AndUint64</c>: bitwise and with <paramref name="mask"/>; returns the old value.</summary>
    public static ulong And(this TrackedAtomic<ulong> atomic, ulong mask, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, mask, static (old, operand) => old & operand, returnNew: false, member, file, line);

    /// <summary>Go's <c>OrUint64</c>: bitwise or with <paramref name="mask"/>; returns the old value.</summary>
    public static ulong Or(this TrackedAtomic<ulong> atomic, ulong mask, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Update(atomic, mask, static (old, operand) => old | operand, returnNew: false, member, file, line);

    private static T Update<T>(TrackedAtomic<T> atomic, T operand, Func<T, T, T> apply, bool returnNew, string member, string file, int line)
        where T : IBinaryInteger<T>
    {
        ArgumentNullException.ThrowIfNull(atomic);
        using AtomicScope scope = atomic.Location.EnterAtomic(atomic.Detector.CurrentThread(), member, file, line);
        T old = atomic.Value;
        T updated = apply(old, operand);
        atomic.Value = updated;
        scope.ReadModifyWrite();
        return returnNew ? updated : old;
    }
}
