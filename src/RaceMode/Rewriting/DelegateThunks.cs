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
        foreach (Instruction load in method.Body.Instructions.ToArray())
        {
            if (load.OpCode.Code is not (Code.Ldftn or Code.Ldvirtftn) || load.Next is not { OpCode.Code: Code.Newobj } ||
                load.Operand is not MethodReference target || !Bindable(target))
            {
                continue;
            }

            TypeDefinition holder = Holder();
            MethodDefinition thunk = Build(target, virtualCall: load.OpCode.Code == Code.Ldvirtftn, $"<race>{target.Name}_{holder.Methods.Count}");
            holder.Methods.Add(thunk);
            if (LineOf(method, load) is { } line)
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

    private static bool Bindable(MethodReference target)
    {
        if (!ChainPlanner.IsFramework(target) || target.DeclaringType.ContainsGenericParameter ||
            (target is GenericInstanceMethod generic && generic.GenericArguments.Any(a => a.ContainsGenericParameter)) ||
            target.ReturnType.IsByReference || target.CallingConvention == MethodCallingConvention.VarArg ||
            target.Parameters.Any(p => p.ParameterType.IsByReference || p.ParameterType.IsPointer || GenericResolver.Resolve(p.ParameterType, target) is null) ||
            GenericResolver.Resolve(target.ReturnType, target) is null)
        {
            return false;
        }

        if (target.Resolve() is not { IsPublic: true } definition || (definition.HasThis && definition.DeclaringType.IsValueType))
        {
            return false;
        }

        // The thunk lives in another type: only a member any code may call can move there.
        for (TypeDefinition? type = definition.DeclaringType; type is not null; type = type.DeclaringType)
        {
            if (!(type.IsPublic || type.IsNestedPublic))
            {
                return false;
            }
        }

        return true;
    }

    private MethodDefinition Build(MethodReference target, bool virtualCall, string name)
    {
        var thunk = new MethodDefinition(
            name,
            MethodAttributes.Assembly | MethodAttributes.Static | MethodAttributes.HideBySig,
            _module.ImportReference(GenericResolver.Resolve(target.ReturnType, target)!));
        if (target.HasThis)
        {
            thunk.Parameters.Add(new ParameterDefinition("receiver", ParameterAttributes.None, _module.ImportReference(target.DeclaringType)));
        }

        foreach (ParameterDefinition parameter in target.Parameters)
        {
            TypeReference type = GenericResolver.Resolve(parameter.ParameterType, target)!;
            thunk.Parameters.Add(new ParameterDefinition(parameter.Name, ParameterAttributes.None, _module.ImportReference(type)));
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

    /// <summary>The source line of <paramref name="at"/>: the last sequence point at or before it.</summary>
    private static SequencePoint? LineOf(MethodDefinition method, Instruction at)
    {
        SequencePoint? last = null;
        foreach (Instruction instruction in method.Body.Instructions)
        {
            if (method.DebugInformation.GetSequencePoint(instruction) is { IsHidden: false } point)
            {
                last = point;
            }

            if (instruction == at)
            {
                return last;
            }
        }

        return null;
    }
}
