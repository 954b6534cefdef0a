using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Gives an async state machine its own logical thread: a field <c>&lt;&gt;race_thread</c> that the first
/// suspension fills (<see cref="AsyncHooks.Suspend"/>), and a <c>MoveNext</c> wrapped in try/finally that runs
/// each resumption as that thread (<see cref="AsyncHooks.Resume"/>). An async iterator also unbinds its thread
/// before each hand-over of an item (<see cref="AsyncHooks.Yield"/>) and acquires the consumer's request at each run.
/// </summary>
internal static class AsyncInstrumenter
{
    public static bool IsStateMachine(TypeDefinition type) =>
        type.Interfaces.Any(i => i.InterfaceType.FullName == "System.Runtime.CompilerServices.IAsyncStateMachine");

    /// <summary>An async iterator's state machine: it is its own enumerator, and hands each item over through a promise.</summary>
    public static bool IsAsyncIterator(TypeDefinition type) =>
        IsStateMachine(type) && type.Interfaces.Any(i => i.InterfaceType.GetElementType().FullName == "System.Collections.Generic.IAsyncEnumerator`1");

    /// <summary>Adds the thread field and plans the suspension hooks; call <see cref="Wrap"/> after the edits are applied.</summary>
    public static (FieldReference Field, VariableDefinition Scope) Prepare(TypeDefinition type, MethodDefinition moveNext, HookReferences hooks, MethodEdits edits, MethodInstrumenter sites)
    {
        var field = new FieldDefinition("<>race_thread", FieldAttributes.Public, hooks.ObjectType);
        type.Fields.Add(field);
        FieldReference self = field;
        if (type.HasGenericParameters)
        {
            var instance = new GenericInstanceType(type);
            foreach (GenericParameter parameter in type.GenericParameters)
            {
                instance.GenericArguments.Add(parameter);
            }

            self = new FieldReference(field.Name, field.FieldType, instance);
        }

        VariableDefinition scope = edits.Temp(hooks.AsyncScopeType);
        bool iterator = IsAsyncIterator(type);
        foreach (Instruction instruction in moveNext.Body.Instructions.ToArray())
        {
            if (instruction.OpCode.Code is Code.Call or Code.Callvirt && instruction.Operand is MethodReference { Name: "AwaitUnsafeOnCompleted" or "AwaitOnCompleted" })
            {
                int site = sites.Site(instruction, "async suspension");
                edits.Before(
                    instruction,
                    Instruction.Create(OpCodes.Ldarg_0),
                    Instruction.Create(OpCodes.Ldflda, self),
                    Instruction.Create(OpCodes.Ldloca, scope),
                    Instruction.Create(OpCodes.Ldc_I4, site),
                    Instruction.Create(OpCodes.Call, hooks.Async(nameof(AsyncHooks.Suspend))));
            }
            else if (iterator && instruction.OpCode.Code is Code.Call or Code.Callvirt && instruction.Operand is MethodReference { Name: "SetResult" or "SetException" } promise &&
                promise.DeclaringType.GetElementType().FullName == "System.Threading.Tasks.Sources.ManualResetValueTaskSourceCore`1")
            {
                // yield return (or the end): the consumer may run on inside this call, on this real thread, and ask for
                // the next item, which resumes this machine there; it must find its thread unbound.
                edits.Before(
                    instruction,
                    Instruction.Create(OpCodes.Ldarg_0),
                    Instruction.Create(OpCodes.Ldloca, scope),
                    Instruction.Create(OpCodes.Call, hooks.Async(nameof(AsyncHooks.Yield))));
            }
        }

        return (self, scope);
    }

    /// <summary>Wraps the whole body: <c>scope = Resume(this.&lt;&gt;race_thread); try { body } finally { scope.Dispose(); }</c>.</summary>
    public static void Wrap(MethodDefinition moveNext, FieldReference field, VariableDefinition scope, HookReferences hooks)
    {
        MethodBody body = moveNext.Body;
        ILProcessor il = body.GetILProcessor();
        Instruction first = body.Instructions[0];
        Instruction end = Instruction.Create(OpCodes.Ret);
        Instruction finallyStart = Instruction.Create(OpCodes.Ldloca, scope);
        foreach (Instruction instruction in body.Instructions.Where(i => i.OpCode.Code == Code.Ret).ToArray())
        {
            instruction.OpCode = OpCodes.Leave;
            instruction.Operand = end;
        }

        il.InsertBefore(first, Instruction.Create(OpCodes.Ldarg_0));
        il.InsertBefore(first, Instruction.Create(OpCodes.Ldfld, field));
        il.InsertBefore(first, Instruction.Create(OpCodes.Call, hooks.Async(nameof(AsyncHooks.Resume))));
        il.InsertBefore(first, Instruction.Create(OpCodes.Stloc, scope));
        if (IsAsyncIterator(moveNext.DeclaringType))
        {
            // Each run follows the consumer's request for it (MoveNextAsync, DisposeAsync release the enumerator: itself).
            il.InsertBefore(first, Instruction.Create(OpCodes.Ldarg_0));
            il.InsertBefore(first, Instruction.Create(OpCodes.Call, hooks.Sync(nameof(SyncHooks.Acquire))));
        }
        il.Append(finallyStart);
        il.Append(Instruction.Create(OpCodes.Call, moveNext.Module.ImportReference(typeof(AsyncScope).GetMethod(nameof(AsyncScope.Dispose))!)));
        il.Append(Instruction.Create(OpCodes.Endfinally));
        il.Append(end);
        body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Finally)
        {
            TryStart = first,
            TryEnd = finallyStart,
            HandlerStart = finallyStart,
            HandlerEnd = end,
        });
    }
}
