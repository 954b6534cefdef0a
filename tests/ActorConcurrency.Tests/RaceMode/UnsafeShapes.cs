using System.Runtime.CompilerServices;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Accesses through <c>Unsafe.As&lt;TFrom, TTo&gt;(ref …)</c> and <c>Unsafe.AsRef(in …)</c>, which return a pointer to
/// the location they were given (the shape of <c>AtomicValue&lt;T&gt;</c> under the CLOCK cache's nodes), each as a
/// racy program and a race-free one. <see cref="UnsafeAsSpec"/> runs their rewritten copies under race mode.
/// </summary>
internal static class UnsafeShapes
{
    public static Task VolatileWriteThroughAsMixedWithPlainRead()
    {
        var box = new Box<uint>();
        return Task.WhenAll(Task.Run(() => box.WriteVolatile(1)), Task.Run(() => _ = box.Field));
    }

    public static Task PlainStoreThroughAsRacy()
    {
        var box = new Box<uint>();
        return Task.WhenAll(Task.Run(() => box.WritePlain(1)), Task.Run(() => box.WritePlain(2)));
    }

    public static Task PlainIncrementThroughAsRefRacy()
    {
        var box = new Box<uint>();
        return Task.WhenAll(Task.Run(box.BumpThroughAsRef), Task.Run(box.BumpThroughAsRef));
    }

    public static Task VolatileThroughAsOnBothSides()
    {
        var box = new Box<uint>();
        return Task.WhenAll(Task.Run(() => box.WriteVolatile(1)), Task.Run(() => _ = box.ReadVolatile()));
    }

    public static Task VolatileThroughAsAgainstDirectVolatile()
    {
        var box = new Box<uint>();
        return Task.WhenAll(Task.Run(() => box.WriteVolatile(1)), Task.Run(() => _ = Volatile.Read(ref box.Field)));
    }

    public static Task VolatileWriteThroughAsPublishes()
    {
        var box = new Box<uint>();
        return Task.WhenAll(Task.Run(() =>
        {
            box.Data = 42;
            box.WriteFlagVolatile();
        }), Task.Run(() =>
        {
            while (Volatile.Read(ref box.Flag) == 0)
            {
                Thread.Yield();
            }

            _ = box.Data;
        }));
    }

    /// <summary>A generic field reached as an <c>int</c> through <c>Unsafe.As</c>, as <c>AtomicValue&lt;T&gt;</c> does.</summary>
    private sealed class Box<T>
        where T : struct
    {
        public T Field;
        public int Data;
        public T Flag;

        public void WriteVolatile(int value) => Volatile.Write(ref Unsafe.As<T, int>(ref Field), value);

        public int ReadVolatile() => Volatile.Read(ref Unsafe.As<T, int>(ref Field));

        public void WritePlain(int value) => Unsafe.As<T, int>(ref Field) = value;

        public void WriteFlagVolatile() => Volatile.Write(ref Unsafe.As<T, int>(ref Flag), 1);

        public void BumpThroughAsRef()
        {
            ref readonly T view = ref Field;
            Unsafe.As<T, int>(ref Unsafe.AsRef(in view))++;
        }
    }
}
