using System.Runtime.CompilerServices;

namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// Whether a <typeparamref name="T"/> is written in one indivisible store, so a lock-free reader can never
/// see half of an old value and half of a new one (ECMA-335 I.12.6.6, the rule <c>ConcurrentDictionary</c>
/// uses to update its values in place): references, native-sized integers, primitives (and enums) of up to
/// 4 bytes, and 8-byte primitives in a 64-bit process. Every other struct is tearable, whatever its size (the
/// JIT may copy it field by field). For those types <see cref="Read"/> and <see cref="Write"/> are an acquire
/// load and a release store of the whole value.
/// </summary>
/// <typeparam name="T">The value type or reference type.</typeparam>
internal static class AtomicValue<T>
{
    /// <summary>True when a store of a <typeparamref name="T"/> cannot tear.</summary>
    public static readonly bool IsWriteAtomic = Compute();

    /// <summary>An acquire load; only for a write-atomic <typeparamref name="T"/>.</summary>
    public static T Read(ref T location)
    {
        if (!typeof(T).IsValueType)
        {
            object? reference = Volatile.Read(ref Unsafe.As<T, object?>(ref location));
            return Unsafe.As<object?, T>(ref reference);
        }

        switch (Unsafe.SizeOf<T>())
        {
            case 1:
                byte b = Volatile.Read(ref Unsafe.As<T, byte>(ref location));
                return Unsafe.As<byte, T>(ref b);
            case 2:
                ushort s = Volatile.Read(ref Unsafe.As<T, ushort>(ref location));
                return Unsafe.As<ushort, T>(ref s);
            case 4:
                uint i = Volatile.Read(ref Unsafe.As<T, uint>(ref location));
                return Unsafe.As<uint, T>(ref i);
            default:
                ulong l = Volatile.Read(ref Unsafe.As<T, ulong>(ref location));
                return Unsafe.As<ulong, T>(ref l);
        }
    }

    /// <summary>A release store; only for a write-atomic <typeparamref name="T"/>.</summary>
    public static void Write(ref T location, T value)
    {
        if (!typeof(T).IsValueType)
        {
            Volatile.Write(ref Unsafe.As<T, object?>(ref location), Unsafe.As<T, object?>(ref value));
            return;
        }

        switch (Unsafe.SizeOf<T>())
        {
            case 1:
                Volatile.Write(ref Unsafe.As<T, byte>(ref location), Unsafe.As<T, byte>(ref value));
                break;
            case 2:
                Volatile.Write(ref Unsafe.As<T, ushort>(ref location), Unsafe.As<T, ushort>(ref value));
                break;
            case 4:
                Volatile.Write(ref Unsafe.As<T, uint>(ref location), Unsafe.As<T, uint>(ref value));
                break;
            default:
                Volatile.Write(ref Unsafe.As<T, ulong>(ref location), Unsafe.As<T, ulong>(ref value));
                break;
        }
    }

    private static bool Compute()
    {
        if (!typeof(T).IsValueType || typeof(T) == typeof(nint) || typeof(T) == typeof(nuint))
        {
            return true;
        }

        return Type.GetTypeCode(typeof(T)) switch
        {
            TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte or TypeCode.Char or TypeCode.Int16 or TypeCode.UInt16
                or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => true,
            TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double => Environment.Is64BitProcess,
            _ => false,
        };
    }
}
