using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Gives an async state machine its own logical thread: a field <c>&lt;&gt;race_thread</c> that the first
/// suspension fills (<see cref="AsyncHooks.Suspend"/>), and a <c>MoveNext</c> wrapped in try/finally that runs
/// each resumption as that thread (<see cref="AsyncHooks.Resume"/>).
/// </summary>
internal static class AsyncInstrumenter
{
    public static bool IsStateMachine(TypeDefinition type) =>
        type.Interfaces.Any(i => i.InterfaceType.FullName == "System.Runtime.CompilerServices.IAsyncStateMachine");

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
