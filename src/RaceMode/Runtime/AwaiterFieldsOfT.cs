using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>The task inside a generic awaiter (the framework keeps it private).</summary>
/// <typeparam name="T">The awaited result.</typeparam>
internal static class AwaiterFields<T>
{
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "m_task")]
    public static extern ref Task<T> Task(ref TaskAwaiter<T> awaiter);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "m_task")]
    public static extern ref Task<T> Task(ref ConfiguredTaskAwaitable<T>.ConfiguredTaskAwaiter awaiter);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_value")]
    public static extern ref ValueTask<T> Value(ref ValueTaskAwaiter<T> awaiter);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_value")]
    public static extern ref ValueTask<T> Value(ref ConfiguredValueTaskAwaitable<T>.ConfiguredValueTaskAwaiter awaiter);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_obj")]
    public static extern ref object? Source(ref ValueTask<T> task);
}
