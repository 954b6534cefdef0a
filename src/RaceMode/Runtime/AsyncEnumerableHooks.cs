using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>await foreach</c> over <c>WithCancellation(…)</c> or <c>ConfigureAwait(…)</c>: the framework's configured enumerator
/// calls the async iterator's <c>MoveNextAsync</c>/<c>DisposeAsync</c> itself, so these hooks do on its behalf what a
/// direct call does (see CallInstrumenter): release the iterator before the call, acquire it after. Each has the
/// signature of the call it replaces.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AsyncEnumerableHooks
{
    /// <summary>Replaces <c>ConfiguredCancelableAsyncEnumerable&lt;T&gt;.Enumerator.MoveNextAsync()</c>.</summary>
    public static ConfiguredValueTaskAwaitable<bool> MoveNextAsync<T>(ref ConfiguredCancelableAsyncEnumerable<T>.Enumerator enumerator)
    {
        IAsyncEnumerator<T> inner = Fields<T>.Inner(ref enumerator);
        SyncHooks.Release(inner);
        try
        {
            return enumerator.MoveNextAsync();
        }
        finally
        {
            SyncHooks.Acquire(inner);
        }
    }

    /// <summary>Replaces <c>ConfiguredCancelableAsyncEnumerable&lt;T&gt;.Enumerator.DisposeAsync()</c>.</summary>
    public static ConfiguredValueTaskAwaitable DisposeAsync<T>(ref ConfiguredCancelableAsyncEnumerable<T>.Enumerator enumerator)
    {
        IAsyncEnumerator<T> inner = Fields<T>.Inner(ref enumerator);
        SyncHooks.Release(inner);
        try
        {
            return enumerator.DisposeAsync();
        }
        finally
        {
            SyncHooks.Acquire(inner);
        }
    }

    /// <summary>The enumerator inside the framework's configured one (kept private there).</summary>
    private static class Fields<T>
    {
        [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_enumerator")]
        public static extern ref IAsyncEnumerator<T> Inner(ref ConfiguredCancelableAsyncEnumerable<T>.Enumerator enumerator);
    }
}
