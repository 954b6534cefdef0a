using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// A framework method bound to a delegate (a method group: <c>Parallel.ForEach(items, list.Add)</c>,
/// <c>Task.Run(done.Set)</c>) is called by the framework, where no hook runs. The binding is redirected to a thunk: a
/// static method of the rewritten module that makes the same call and is instrumented like any other, so the call is
/// the same read, write, release or acquire as when written in a lambda. An instance method's thunk takes the
/// receiver as its first parameter and is bound closed over it, as C# binds an extension method to its receiver.
/// Bindings the rewriter would not instrument anyway, and methods of value types, with <c>ref</c> parameters or open
/// generic arguments, keep their binding.
/// </summary>
internal sealed class DelegateThunks
{
    private const string HolderName = "<RaceMode>DelegateThunks";

    private readonly ModuleDefinition _module;
    private readonly HookReferences _hooks;
    private TypeDefinition? _holder;

    public DelegateThunks(ModuleDefinition module, HookReferences hooks)
    {
        _module = module;
        _hooks = hooks;
    }

    /// <summary>Redirects the bindings in <paramref name="method"/>'s body; returns how many accesses their thunks check.</summary>
    public int Redirect(MethodDefinition method)
    {
        int count = 0;
        MethodSites? lines = null;
        foreach (Instruction load in method.Body.Instructions.ToArray())
        {
            if (load.OpCode.Code is not (Code.Ldftn or Code.Ldvirtftn) || load.Next is not { OpCode.Code: Code.Newobj } ||
                load.Operand is not MethodReference target || Signature(target) is not { } signature)
            {
                continue;
            }

            TypeDefinition holder = Holder();
            MethodDefinition thunk = Build(target, signature, virtualCall: load.OpCode.Code == Code.Ldvirtftn, $"<race>{target.Name}_{holder.Methods.Count}");
            holder.Methods.Add(thunk);
            lines ??= new MethodSites(method);
            if (lines.LineOf(load) is { } line)
            {
                thunk.DebugInformation.SequencePoints.Add(new SequencePoint(thunk.Body.Instructions[0], line.Document)
                {
                    StartLine = line.StartLine, StartColumn = line.StartColumn, EndLine = line.EndLine, EndColumn = line.EndColumn,
                });
            }

            Instruction call = thunk.Body.Instructions[^2];
            var instrumenter = new MethodInstrumenter(thunk, _hooks, AccessNames.MemberName(method));
            instrumenter.Plan();
            if (instrumenter.Edits.IsEmpty && call.Operand == target)
            {
                holder.Methods.Remove(thunk);
                continue;
            }

            instrumenter.Edits.Apply();
            thunk.Body.OptimizeMacros();
            if (load.OpCode.Code == Code.Ldvirtftn)
            {
                // ldvirtftn takes the receiver, ldftn does not: drop the copy the binding made of it.
                load.OpCode = OpCodes.Pop;
                load.Operand = null;
                method.Body.GetILProcessor().InsertAfter(load, Instruction.Create(OpCodes.Ldftn, thunk));
            }
            else
            {
                load.Operand = thunk;
            }

            count += instrumenter.Count;
        }

        return count;
    }

    /// <summary>Removes the holder type when no binding needed a thunk.</summary>
    public void Finish()
    {
        if (_holder is { Methods.Count: 0 })
        {
            _module.Types.Remove(_holder);
        }
    }

    /// <summary>The closed return and parameter types of a method a thunk can stand in for, or null when it cannot.</summary>
    private static (TypeReference Return, TypeReference[] Parameters)? Signature(MethodReference target)
    {
        if (!ChainPlanner.IsFramework(target) || target.DeclaringType.ContainsGenericParameter ||
            (target is GenericInstanceMethod generic && generic.GenericArguments.Any(a => a.ContainsGenericParameter)) ||
            target.ReturnType.IsByReference || target.CallingConvention == MethodCallingConvention.VarArg ||
            GenericResolver.Resolve(target.ReturnType, target) is not { } returns ||
            GenericResolver.Parameters(target) is not { } parameters || parameters.Any(p => p.IsByReference || p.IsPointer))
        {
            return null;
        }

        if (target.Resolve() is not { IsPublic: true } definition || (definition.HasThis && definition.DeclaringType.IsValueType))
        {
            return null;
        }

        // The thunk lives in another type: only a member any code may call can move there.
        for (TypeDefinition? type = definition.DeclaringType; type is not null; type = type.DeclaringType)
        {
            if (!(type.IsPublic || type.IsNestedPublic))
            {
                return null;
            }
        }

        return (returns, parameters);
    }

    private MethodDefinition Build(MethodReference target, (TypeReference Return, TypeReference[] Parameters) signature, bool virtualCall, string name)
    {
        var thunk = new MethodDefinition(
            name,
            MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig,
            _module.ImportReference(signature.Return));
        if (target.HasThis)
        {
            thunk.Parameters.Add(new ParameterDefinition("receiver", ParameterAttributes.None, _module.ImportReference(target.DeclaringType)));
        }

        for (int i = 0; i < signature.Parameters.Length; i++)
        {
            thunk.Parameters.Add(new ParameterDefinition(target.Parameters[i].Name, ParameterAttributes.None, _module.ImportReference(signature.Parameters[i])));
        }

        ILProcessor il = thunk.Body.GetILProcessor();
        foreach (ParameterDefinition parameter in thunk.Parameters)
        {
            il.Append(Instruction.Create(OpCodes.Ldarg, parameter));
        }

        il.Append(Instruction.Create(virtualCall ? OpCodes.Callvirt : OpCodes.Call, target));
        il.Append(Instruction.Create(OpCodes.Ret));
        return thunk;
    }

    private TypeDefinition Holder()
    {
        if (_holder is null)
        {
            _holder = new TypeDefinition(
                "",
                HolderName,
                TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class | TypeAttributes.BeforeFieldInit,
                _module.TypeSystem.Object);
            _module.Types.Add(_holder);
        }

        return _holder;
    }
}
