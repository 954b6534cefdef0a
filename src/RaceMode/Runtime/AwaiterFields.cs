using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>The task inside a non-generic awaiter (the framework keeps it private).</summary>
internal static class AwaiterFields
{
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "m_task")]
    public static extern ref Task Task(ref TaskAwaiter awaiter);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "m_task")]
    public static extern ref Task Task(ref ConfiguredTaskAwaitable.ConfiguredTaskAwaiter awaiter);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_value")]
    public static extern ref ValueTask Value(ref ValueTaskAwaiter awaiter);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_value")]
    public static extern ref ValueTask Value(ref ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter awaiter);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_obj")]
    public static extern ref object? Source(ref ValueTask task);
}
