using System.Numerics;
using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// Atomic operations on a plain <see cref="TrackedVariable{T}"/>, as C# writes <c>Interlocked.Increment(ref x)</c>
/// and <c>Volatile.Read(ref x)</c> and Go writes <c>atomic.AddInt32(&amp;x, 1)</c> on an ordinary variable. They
/// share the variable's <see cref="ShadowLocation"/> with its plain <c>Read</c>/<c>Write</c>, so mixed
/// access follows Go's rule: atomic accesses never race with each other, but an atomic access races with an
/// unordered plain one when either writes (an atomic store and a plain read of the same word race;
/// <c>Interlocked.Increment(ref x)</c> beside a plain <c>x++</c> races). Each operation is acquire
/// (loads), release (stores) or both (read-modify-writes), as on <see cref="TrackedAtomic{T}"/>.
/// Arithmetic is at the variable type's own width, wrapping. The operations are atomic with respect to each other (the location is held while each runs); a plain write really can interleave with them, as in a racy program.
/// </summary>
public static class TrackedInterlocked
{
    /// <summary><c>Interlocked.Add</c>: returns the new value.</summary>
    public static T Add<T>(TrackedVariable<T> variable, T delta, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : IBinaryInteger<T>
    {
        ArgumentNullException.ThrowIfNull(variable);
        using AtomicScope atomic = variable.Location.EnterAtomic(variable.Detector.CurrentThread(), member, file, line);
        T updated = unchecked(variable.Value + delta);
        variable.Value = updated;
        atomic.ReadModifyWrite();
        return updated;
    }

    /// <summary><c>Interlocked.Increment</c>: returns the new value.</summary>
    public static T Increment<T>(TrackedVariable<T> variable, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : IBinaryInteger<T> => Add(variable, T.One, member, file, line);

    /// <summary><c>Interlocked.Decrement</c>: returns the new value.</summary>
    public static T Decrement<T>(TrackedVariable<T> variable, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        where T : IBinaryInteger<T> => Add(variable, T.Zero - T.One, member, file, line);

    /// <summary><c>Interlocked.Exchange</c>: returns the old value.</summary>
    public static T Exchange<T>(TrackedVariable<T> variable, T value, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(variable);
        using AtomicScope atomic = variable.Location.EnterAtomic(variable.Detector.CurrentThread(), member, file, line);
        T old = variable.Value;
        variable.Value = value;
        atomic.ReadModifyWrite(wrote: true, "atomic write → exchange");
        return old;
    }

    /// <summary>
    /// <c>Interlocked.CompareExchange</c>: stores <paramref name="value"/> if the variable equals
    /// <paramref name="comparand"/>; returns the value it found. A failed exchange is an atomic load.
    /// </summary>
    public static T CompareExchange<T>(TrackedVariable<T> variable, T value, T comparand, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(variable);
        using AtomicScope atomic = variable.Location.EnterAtomic(variable.Detector.CurrentThread(), member, file, line);
        T found = variable.Value;
        bool swapped = EqualityComparer<T>.Default.Equals(found, comparand);
        if (swapped)
        {
            variable.Value = value;
        }

        atomic.ReadModifyWrite(swapped, "atomic write → compare-and-swap");
        return found;
    }

    /// <summary><c>Volatile.Read</c> / <c>atomic.Load</c>: an atomic load (acquire).</summary>
    public static T Read<T>(TrackedVariable<T> variable, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(variable);
        using AtomicScope atomic = variable.Location.EnterAtomic(variable.Detector.CurrentThread(), member, file, line);
        atomic.Load();
        return variable.Value;
    }

    /// <summary><c>Volatile.Write</c> / <c>atomic.Store</c>: an atomic store (release).</summary>
    public static void Write<T>(TrackedVariable<T> variable, T value, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(variable);
        using AtomicScope atomic = variable.Location.EnterAtomic(variable.Detector.CurrentThread(), member, file, line);
        variable.Value = value;
        atomic.Store();
    }
}
