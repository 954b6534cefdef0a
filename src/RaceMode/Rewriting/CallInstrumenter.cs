using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;
using Mono.Cecil.Cil;
using static ActorConcurrency.RaceMode.Rewriting.Il;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Plans the edits of calls into the framework: forks and joins are replaced by hooks of the same signature
/// (<see cref="TaskHooks"/>, <see cref="AsyncHooks"/>; which ones: <see cref="HookRoutes"/>); a call on a synchronisation object is bracketed by a release
/// of the object before it and an acquire after it (<see cref="SyncHooks"/>); a synchronisation race mode cannot
/// key precisely goes through the global clock, which only adds order.
/// </summary>
internal sealed class CallInstrumenter
{
    /// <summary>Framework types whose every call both releases (before) and acquires (after) the receiver.</summary>
    private static readonly HashSet<string> s_syncTypes = ["System.Threading.Timer", "System.Timers.Timer"];

    private readonly MethodDefinition _method;
    private readonly HookReferences _hooks;
    private readonly MethodEdits _edits;
    private readonly MethodInstrumenter _owner;
    private readonly CollectionCalls _collections;
    private readonly PlinqCalls _plinq;
    private readonly PoolCalls _pools;

    public CallInstrumenter(MethodDefinition method, HookReferences hooks, MethodEdits edits, MethodInstrumenter owner)
    {
        _method = method;
        _hooks = hooks;
        _edits = edits;
        _owner = owner;
        _collections = new CollectionCalls(hooks, edits, owner);
        _plinq = new PlinqCalls(hooks, edits);
        _pools = new PoolCalls(hooks, edits);
    }

    /// <summary>True for <c>Interlocked.*</c> and <c>Volatile.Read/Write</c>; <paramref name="write"/> tells a load from the rest.</summary>
    public static bool IsAtomic(MethodReference call, out bool write)
    {
        string type = call.DeclaringType.FullName;
        write = !(call.Name == "Read" && (type == "System.Threading.Volatile" || type == "System.Threading.Interlocked"));

        // ImmutableInterlocked's members are compare-and-swap loops on the location they are given: read-modify-writes.
        return type is "System.Threading.Interlocked" or "System.Threading.Volatile" or "System.Collections.Immutable.ImmutableInterlocked" &&
            call.Parameters.Count > 0 && call.Parameters[0].ParameterType.IsByReference;
    }

    public void Plan(Instruction call)
    {
        var method = (MethodReference)call.Operand;
        string type = method.DeclaringType.GetElementType().FullName;
        string name = method.Name;
        if (call.Previous is { OpCode.Code: Code.Constrained })
        {
            return;
        }

        if (_plinq.PlanOperator(call, method, type, name))
        {
            return;
        }

        // Enumeration hooks come beside the collection checks of the same call (IEnumerator.MoveNext).
        bool enumeration = _plinq.PlanEnumeration(call, method, type, name);
        if (Replace(call, method, type, name) || _collections.Plan(call, method, type, name) || enumeration || call.OpCode.Code == Code.Newobj)
        {
            // A constructor is no synchronisation (only new Thread(...) is replaced, above).
            return;
        }

        switch (type)
        {
            case "System.Threading.Interlocked" or "System.Threading.Volatile" or "System.Collections.Immutable.ImmutableInterlocked" when IsAtomic(method, out _):
                // Not reached through a field or element the rewriter could name: order it with everything.
                Bracket(call, null, release: true, acquire: true);
                break;
            case "System.Threading.ThreadLocal`1" when method.HasThis && name is "get_Value" or "set_Value" or "get_IsValueCreated":
                // A ThreadLocal's value is its real thread's own, as a [ThreadStatic] field's is: the logical threads
                // that run on one real thread are ordered one after another (ThreadAffinity).
                _edits.Before(call, Instruction.Create(OpCodes.Call, _hooks.Memory(nameof(RaceHooks.ThreadStatic))));
                break;
            case "System.Buffers.ArrayPool`1" or "Microsoft.Extensions.ObjectPool.ObjectPool`1" when method.HasThis && name is "Rent" or "Get" or "Return":
                _pools.Plan(call, method, name);
                break;
            case "System.Threading.Lock" when method.HasThis:
                Bracket(call, method, release: name == "Exit", acquire: name is "Enter" or "TryEnter" or "EnterScope");
                break;
            case "System.Threading.ReaderWriterLock" when method.HasThis:
                // The legacy reader-writer lock, one clock for both modes: a release (of either lock, or an upgrade's
                // or downgrade's hand-over) before every later acquisition. Readers are ordered with each other too
                // (more order than its contract: it can hide a race, never invent one).
                Bracket(
                    call,
                    method,
                    release: name is "ReleaseReaderLock" or "ReleaseWriterLock" or "ReleaseLock" or "UpgradeToWriterLock" or "DowngradeFromWriterLock",
                    acquire: name is "AcquireReaderLock" or "AcquireWriterLock" or "UpgradeToWriterLock" or "DowngradeFromWriterLock" or "RestoreLock");
                break;
            case "System.Threading.Monitor" when method.Parameters.Count > 0:
                Bracket(call, method, release: name is "Exit" or "Wait" or "Pulse" or "PulseAll", acquire: name is "Enter" or "TryEnter" or "Wait");
                break;
            case "System.Threading.Tasks.TaskCompletionSource" or "System.Threading.Tasks.TaskCompletionSource`1" when name.StartsWith("Set", StringComparison.Ordinal) || name.StartsWith("TrySet", StringComparison.Ordinal):
                Bracket(call, method, release: true, acquire: false, completion: true);
                break;
            case "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task`1" when method.HasThis && name is "Wait" or "get_Result":
                Bracket(call, method, release: false, acquire: true);
                break;
            case "System.Threading.Tasks.Task" when !method.HasThis && name == "Delay" &&
                method.Parameters.All(p => p.ParameterType.FullName != "System.Threading.CancellationToken"):
                // A delay only passes time (Go: time.Sleep is no synchronisation): awaiting it orders nothing.
                _edits.After(call, Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Call, _hooks.Match(typeof(TaskHooks), nameof(TaskHooks.Sleep), ["Task"], 0)!));
                break;
            case "System.Threading.Tasks.Task" when !method.HasThis && name is "WaitAll" or "WaitAny":
                // An overload TaskWaitHooks does not replace: order it with every completion.
                Bracket(call, null, release: false, acquire: true);
                break;
            case "System.Threading.Channels.Channel`1" or "System.Threading.Channels.Channel`2" when name is "get_Writer" or "get_Reader":
                PlanAlias(call, method);
                break;
            case "System.Threading.Tasks.Sources.ManualResetValueTaskSourceCore`1" when name is "SetResult" or "SetException" &&
                AsyncInstrumenter.IsAsyncIterator(_method.DeclaringType):
                // An async iterator's hand-over of an item: AsyncHooks.Yield releases and unbinds before it.
                break;
            case "System.Collections.Generic.IAsyncEnumerator`1" when name == "MoveNextAsync":
            case "System.IAsyncDisposable" when name == "DisposeAsync":
                // Asking an async iterator for its next item (or to end) happens before it runs on (it acquires itself);
                // when the call returns, the caller acquires what the iterator handed over meanwhile (a step that
                // completed synchronously returns a ValueTask with no source to acquire at the await).
                Bracket(call, method, release: true, acquire: true);
                break;
            case "System.Threading.Tasks.Sources.ManualResetValueTaskSourceCore`1" when name is "SetResult" or "SetException":
            case "System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder" or "System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder`1" or
                "System.Runtime.CompilerServices.AsyncVoidMethodBuilder" when name is "SetResult" or "SetException":
            case "System.Runtime.CompilerServices.AsyncIteratorMethodBuilder" when name == "Complete":
                _edits.Before(call, Instruction.Create(OpCodes.Call, _hooks.Sync(nameof(SyncHooks.ReleaseAny))));
                break;
            default:
                if (method.HasThis && type.StartsWith("System.Collections.Concurrent.", StringComparison.Ordinal))
                {
                    // The other concurrent collections: a put happens before a later take or observation (one clock per
                    // collection: a take also learns of puts of other items, which can hide a race, never invent one).
                    bool put = name is "Enqueue" or "Push" or "PushRange" or "Add" or "TryAdd" or "CompleteAdding";
                    if (name is not ("Dispose" or "Clear"))
                    {
                        Bracket(call, method, release: put, acquire: !put);
                    }
                }
                else if (method.HasThis && s_syncTypes.Contains(type) && !name.StartsWith("get_Is", StringComparison.Ordinal) && name != "Dispose")
                {
                    Bracket(call, method, release: true, acquire: true);
                }

                break;
        }
    }

    /// <summary>Swaps a fork, join, await or completion for the hook of the same signature.</summary>
    private bool Replace(Instruction call, MethodReference method, string type, string name)
    {
        Type? hooks = HookRoutes.HooksFor(type, name, method);
        if (hooks is null)
        {
            return false;
        }

        var shapes = new List<string>();
        if (method.HasThis && call.OpCode.Code != Code.Newobj)
        {
            TypeReference receiver = method.DeclaringType;
            string receiverShape = receiver is GenericInstanceType generic
                ? $"{HookReferences.ShapeName(generic.ElementType)}<{string.Join(',', generic.GenericArguments.Select(_ => "T"))}>"
                : HookReferences.ShapeName(receiver);
            shapes.Add(receiver.IsValueType ? receiverShape + "&" : receiverShape);
        }

        MethodReference declared = method is GenericInstanceMethod instance ? instance.ElementMethod : method;
        shapes.AddRange(declared.Parameters.Select(p => HookReferences.ShapeName(p.ParameterType)));
        bool withSite = hooks == typeof(ArrayHooks) || hooks == typeof(SpanHooks) || hooks == typeof(ReadOnlySpanHooks) || hooks == typeof(MemoryExtensionsHooks);
        if (withSite)
        {
            // An access hook also takes the site it checks for, as its last argument.
            shapes.Add("Int32");
        }

        // A hook's generic parameters are the receiver type's, then the method's (Task<TResult>.ContinueWith<TNewResult>).
        TypeReference[] genericArguments =
        [
            .. method.DeclaringType is GenericInstanceType g ? g.GenericArguments : [],
            .. method is GenericInstanceMethod m ? m.GenericArguments : [],
        ];
        string hookName = HookRoutes.HookName(type, name);
        if (_hooks.Match(hooks, hookName, shapes, genericArguments.Length) is not { } hook)
        {
            return false;
        }

        if (genericArguments.Length > 0)
        {
            var closed = new GenericInstanceMethod(hook);
            foreach (TypeReference argument in genericArguments)
            {
                closed.GenericArguments.Add(argument);
            }

            hook = closed;
        }

        if (withSite)
        {
            _edits.Before(call, Instruction.Create(OpCodes.Ldc_I4, _owner.Site(call, "Array", name)));
        }
        else
        {
            _owner.Site(call, $"{type}.{name}");
        }

        call.OpCode = OpCodes.Call;
        call.Operand = hook;
        return true;
    }

    /// <summary>Releases the synchronisation object before the call and acquires it after (the global clock without one).</summary>
    private void Bracket(Instruction call, MethodReference? method, bool release, bool acquire, bool completion = false)
    {
        if (method is null || SpillKey(call, method) is not { } key)
        {
            if (release)
            {
                _edits.Before(call, Instruction.Create(OpCodes.Call, _hooks.Sync(nameof(SyncHooks.ReleaseAny))));
            }

            if (acquire)
            {
                _edits.After(call, Instruction.Create(OpCodes.Call, _hooks.Sync(nameof(SyncHooks.AcquireAny))));
            }

            return;
        }

        (Instruction[] spill, VariableDefinition keyTemp) = key;
        var before = new List<Instruction>(spill);
        if (release)
        {
            before.Insert(spill.Length - ReloadCount(call, method), Instruction.Create(OpCodes.Ldloc, keyTemp));
            string hook = completion ? nameof(SyncHooks.ReleaseCompletion) : nameof(SyncHooks.Release);
            before.Insert(spill.Length - ReloadCount(call, method) + 1, Instruction.Create(OpCodes.Call, _hooks.Sync(hook)));
        }

        _edits.Before(call, [.. before]);
        if (acquire)
        {
            _edits.After(call, Instruction.Create(OpCodes.Ldloc, keyTemp), Instruction.Create(OpCodes.Call, _hooks.Sync(nameof(SyncHooks.Acquire))));
        }
    }

    private static int ReloadCount(Instruction call, MethodReference method) => method.Parameters.Count + (method.HasThis && call.OpCode.Code != Code.Newobj ? 1 : 0);

    /// <summary>
    /// Code that stores the call's operands in temporaries and loads them back, and the temporary holding the key
    /// (the receiver, or a static call's first argument); null when an operand's type cannot be named here.
    /// </summary>
    private (Instruction[] Spill, VariableDefinition Key)? SpillKey(Instruction call, MethodReference method)
    {
        var types = new List<TypeReference>();
        if (method.HasThis)
        {
            if (method.DeclaringType.IsValueType)
            {
                return null;
            }

            types.Add(method.DeclaringType);
        }

        if (GenericResolver.Parameters(method) is not { } parameters)
        {
            return null;
        }

        types.AddRange(parameters);
        if (types.Count == 0 || (!method.HasThis && types[0].IsValueType) || types[0].IsByReference)
        {
            return null;
        }

        VariableDefinition[] temps = types.Select(t => _edits.Temp(t)).ToArray();
        var code = new List<Instruction>();
        for (int i = temps.Length - 1; i >= 0; i--)
        {
            code.Add(Instruction.Create(OpCodes.Stloc, temps[i]));
        }

        foreach (VariableDefinition temp in temps)
        {
            code.Add(Instruction.Create(OpCodes.Ldloc, temp));
        }

        return ([.. code], temps[0]);
    }

    private void PlanAlias(Instruction call, MethodReference method)
    {
        if (GenericResolver.Resolve(method.ReturnType, method) is not { } end)
        {
            return;
        }

        var alias = new GenericInstanceMethod(_hooks.Sync(nameof(SyncHooks.Alias)));
        alias.GenericArguments.Add(end);
        _edits.Before(call, Instruction.Create(OpCodes.Dup));
        _edits.After(call, Instruction.Create(OpCodes.Call, alias));
    }
}
