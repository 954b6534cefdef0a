using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Which framework calls race mode replaces by a hook of the same signature (a fork, join, await, completion, or a call
/// whose contract a hook models: <see cref="CallInstrumenter"/> swaps the call), and under which name the hook class
/// declares it.
/// </summary>
internal static class HookRoutes
{
    private static readonly HashSet<string> s_awaiters =
    [
        "System.Runtime.CompilerServices.TaskAwaiter", "System.Runtime.CompilerServices.TaskAwaiter`1",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable/ConfiguredTaskAwaiter",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter",
        "System.Runtime.CompilerServices.ValueTaskAwaiter", "System.Runtime.CompilerServices.ValueTaskAwaiter`1",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable/ConfiguredValueTaskAwaiter",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1/ConfiguredValueTaskAwaiter",
    ];

    /// <summary>The hook class that replaces <paramref name="type"/>.<paramref name="name"/>, or null when the call is not replaced.</summary>
    public static Type? HooksFor(string type, string name, MethodReference method) =>
        (type, name) switch
        {
            ("System.Threading.Tasks.Task", "Run") => typeof(TaskHooks),
            ("System.Threading.Tasks.Task", "WaitAll" or "WaitAny") when !method.HasThis => typeof(TaskWaitHooks),
            ("System.Threading.Tasks.TaskFactory" or "System.Threading.Tasks.TaskFactory`1", "StartNew") => typeof(TaskHooks),
            ("System.Threading.Thread", ".ctor" or "Start" or "Join") => typeof(TaskHooks),
            ("System.Threading.Tasks.Task", "ContinueWith") => typeof(ContinuationHooks),
            ("System.Threading.Tasks.Task`1", "ContinueWith") => typeof(ContinuationOfTHooks),
            ("System.Threading.Tasks.TaskFactory", "ContinueWhenAll" or "ContinueWhenAny") => typeof(FactoryContinuationHooks),
            ("System.Threading.Tasks.Parallel", "For" or "ForEach" or "Invoke" or "ForEachAsync" or "ForAsync") or
                ("System.Linq.ParallelEnumerable", "ForAll") => typeof(ParallelHooks),
            ("System.Threading.ThreadPool", "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" or "RegisterWaitForSingleObject" or
                "UnsafeRegisterWaitForSingleObject") => typeof(PoolHooks),
            ("System.Threading.Timer", ".ctor") or ("System.Timers.Timer", "add_Elapsed" or "remove_Elapsed") => typeof(TimerHooks),
            ("System.Threading.SynchronizationContext", "Post" or "Send") => typeof(SynchronizationContextHooks),
            (_, "GetResult") when s_awaiters.Contains(type) => typeof(AsyncHooks),
            ("System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable`1/Enumerator", "MoveNextAsync" or "DisposeAsync") => typeof(AsyncEnumerableHooks),
            ("System.Runtime.CompilerServices.AsyncTaskMethodBuilder" or "System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1" or
                "System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder" or "System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder`1",
                "SetResult" or "SetException") => typeof(AsyncHooks),
            ("System.Threading.Lock/Scope", "Dispose") => typeof(SyncHooks),
            ("System.Array", _) => typeof(ArrayHooks),
            ("System.Span`1", "op_Implicit" or ".ctor" or "CopyTo" or "TryCopyTo" or "Fill" or "Clear") => typeof(SpanHooks),
            ("System.ReadOnlySpan`1", "op_Implicit" or ".ctor" or "CopyTo" or "TryCopyTo") => typeof(ReadOnlySpanHooks),
            ("System.MemoryExtensions", "AsSpan" or "CopyTo") => typeof(MemoryExtensionsHooks),
            ("System.Collections.Concurrent.ConcurrentDictionary`2", _) => typeof(ConcurrentDictionaryHooks),
            ("System.Threading.ReaderWriterLockSlim", _) => typeof(RwLockHooks),
            ("System.Threading.Channels.Channel", "CreateUnbounded" or "CreateBounded") or
                ("System.Threading.Channels.ChannelWriter`1" or "System.Threading.Channels.ChannelReader`1", _) => typeof(ChannelHooks),
            ("System.Threading.SemaphoreSlim", _) => typeof(SemaphoreHooks),
            ("System.Threading.SpinLock", "Enter" or "TryEnter" or "Exit") => typeof(SpinLockHooks),
            ("System.Collections.Concurrent.BlockingCollection`1", "GetConsumingEnumerable") => typeof(BlockingCollectionHooks),
            ("System.Collections.Concurrent.ConcurrentQueue`1", "Enqueue" or "TryDequeue" or "TryPeek" or "Clear") or
                ("System.Collections.Concurrent.ConcurrentStack`1", "Push" or "PushRange" or "TryPop" or "TryPopRange" or "TryPeek" or "Clear") or
                ("System.Collections.Concurrent.ConcurrentBag`1", "Add" or "TryTake" or "TryPeek") or
                ("System.Collections.Concurrent.BlockingCollection`1", "Add" or "TryAdd" or "Take" or "TryTake") => typeof(ConcurrentItemHooks),
            ("System.Threading.EventWaitHandle", "Set") or ("System.Threading.Semaphore", ".ctor" or "Release") or ("System.Threading.Mutex", "ReleaseMutex") or
                ("System.Threading.WaitHandle", "WaitOne" or "WaitAll" or "WaitAny" or "SignalAndWait") => typeof(WaitHandleHooks),
            ("System.Threading.ManualResetEventSlim" or "System.Threading.CountdownEvent", _) => typeof(EventSlimHooks),
            ("System.Threading.CancellationTokenSource", _) or
                ("System.Threading.CancellationToken", "get_IsCancellationRequested" or "ThrowIfCancellationRequested" or "get_WaitHandle" or "Register" or "UnsafeRegister") => typeof(CancellationHooks),
            ("System.IAsyncResult", "get_AsyncWaitHandle") => typeof(TaskWaitHooks),
            ("System.Threading.Barrier", ".ctor" or "SignalAndWait") => typeof(BarrierHooks),
            ("System.Lazy`1", ".ctor" or "get_Value") or ("System.Threading.LazyInitializer", "EnsureInitialized") => typeof(LazyHooks),
            ("System.Reflection.Emit.ILGenerator", "Emit") when method.Parameters.Count == 1 ||
                method.Parameters[1].ParameterType.FullName == "System.Reflection.FieldInfo" => typeof(EmitHooks),
            _ => null,
        };

    /// <summary>The name of the replacing hook: the member's own, or the hook's name for a constructor or accessor.</summary>
    public static string HookName(string type, string name) =>
        name switch
        {
            ".ctor" when type == "System.Threading.Timer" => nameof(TimerHooks.NewTimer),
            ".ctor" when type == "System.Lazy`1" => nameof(LazyHooks.NewLazy),
            ".ctor" when type == "System.Threading.Barrier" => nameof(BarrierHooks.NewBarrier),
            ".ctor" when type == "System.Threading.CancellationTokenSource" => nameof(CancellationHooks.NewSource),
            ".ctor" when type == "System.Threading.Semaphore" => nameof(WaitHandleHooks.NewSemaphore),
            ".ctor" when type is "System.Span`1" or "System.ReadOnlySpan`1" => nameof(SpanHooks.Construct),
            ".ctor" => nameof(TaskHooks.NewThread),
            "Dispose" => nameof(SyncHooks.DisposeScope),
            "add_Elapsed" => nameof(TimerHooks.AddElapsed),
            "remove_Elapsed" => nameof(TimerHooks.RemoveElapsed),
            _ => name,
        };
}
