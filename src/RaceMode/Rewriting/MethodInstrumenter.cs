using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;
using Mono.Cecil.Cil;
using static ActorConcurrency.RaceMode.Rewriting.Il;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Instruments one method body: plain field loads and stores (instance and static), array element loads and stores,
/// atomic accesses (<c>volatile.</c>, <c>Interlocked</c>, <c>Volatile</c>), accesses through pointers (<c>ldflda</c>,
/// <c>ldsflda</c>, <c>ldelema</c>, <c>ref</c> locals, parameters and returns, followed by <see cref="ChainPlanner"/> with
/// the help of <see cref="PointerSlots"/>) and calls into the framework's synchronisation (see <see cref="CallInstrumenter"/>).
/// Fields that cannot race are left alone (<see cref="FieldRules"/>): readonly fields, <c>[ThreadStatic]</c> fields, everything a static
/// constructor does (the runtime orders it before every use of the type) and the compiler's lambda caches.
/// </summary>
internal sealed class MethodInstrumenter
{
    private readonly MethodDefinition _method;
    private readonly HookReferences _hooks;
    private readonly MethodEdits _edits;
    private readonly MethodSites _sites;
    private readonly PointerSlots _slots;
    private readonly ChainPlanner _chains;
    private readonly TypeReference _nativeInt;
    private readonly TypeReference _arrayType;

    /// <param name="method">The method whose body is instrumented.</param>
    /// <param name="hooks">The hooks, imported into the method's module.</param>
    /// <param name="member">How reports name the method, when not by its own name (a thunk, by the method that bound it).</param>
    public MethodInstrumenter(MethodDefinition method, HookReferences hooks, string? member = null)
    {
        _method = method;
        _hooks = hooks;
        _edits = new MethodEdits(method.Body);
        _sites = new MethodSites(method, member);
        _nativeInt = method.Module.TypeSystem.IntPtr;
        _arrayType = method.Module.ImportReference(typeof(Array));
        _slots = new PointerSlots(method, _edits, hooks.ObjectType, _nativeInt);
        _chains = new ChainPlanner(method, hooks, _edits, _sites, _slots, _nativeInt);
    }

    public MethodEdits Edits => _edits;

    /// <summary>How many accesses were instrumented.</summary>
    public int Count => _sites.Count;

    /// <summary>Registers the access at <paramref name="at"/> to <paramref name="location"/> and returns its site number.</summary>
    public int Site(Instruction at, string location) => _sites.Site(at, location);

    /// <summary>Registers a call at <paramref name="at"/> through framework member <paramref name="operation"/> on <paramref name="location"/>.</summary>
    public int Site(Instruction at, string location, string operation) => _sites.Site(at, location, operation);

    /// <summary>Plans every edit of the body (applied by <see cref="MethodEdits.Apply"/>).</summary>
    public void Plan()
    {
        bool staticConstructor = _method.IsConstructor && _method.IsStatic;
        if (staticConstructor)
        {
            // Everything the constructor runs, its callees included, is ordered before every use of the type.
            _edits.Prologue(Call(_hooks.Memory(nameof(RaceHooks.EnterStaticConstructor))));
            foreach (Instruction ret in _method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret).ToArray())
            {
                _edits.Before(ret, Call(_hooks.Memory(nameof(RaceHooks.ExitStaticConstructor))));
            }
        }

        var calls = new CallInstrumenter(_method, _hooks, _edits, this);
        foreach ((ParameterDefinition parameter, PointerTemps temps) in _slots.Parameters)
        {
            // A ref parameter's target comes from the caller, handed over by the pointer's address.
            _edits.Prologue(
                Instruction.Create(OpCodes.Ldarg, parameter), Ldloca(temps.Owner),
                Ldloca(temps.Index), Call(_hooks.Ref(nameof(RefHooks.Take))), Stloc(temps.Target));
        }

        foreach (ExceptionHandler handler in _method.Body.ExceptionHandlers.Where(CanCatchCancellation))
        {
            // The caught exception is on the stack: a cancellation caught observes it (Cancel happened before).
            _edits.Before(handler.HandlerStart, Dup(), Call(_hooks.Match(typeof(CancellationHooks), nameof(CancellationHooks.Caught), ["Object"], 0)!));
        }

        foreach (Instruction instruction in _method.Body.Instructions.ToArray())
        {
            if (_chains.Handled.Contains(instruction))
            {
                continue;
            }

            switch (instruction.OpCode.Code)
            {
                case Code.Ldfld or Code.Stfld when !staticConstructor:
                    PlanField(instruction, (FieldReference)instruction.Operand);
                    break;
                case Code.Ldsfld or Code.Stsfld or Code.Ldsflda when !staticConstructor && FieldRules.IsThreadStatic((FieldReference)instruction.Operand):
                    _edits.Before(instruction, Call(_hooks.Memory(nameof(RaceHooks.ThreadStatic))));
                    break;
                case Code.Ldsfld or Code.Stsfld when !staticConstructor:
                    PlanStatic(instruction, (FieldReference)instruction.Operand);
                    break;
                case Code.Ldflda when !staticConstructor && FieldRules.Checkable((FieldReference)instruction.Operand, isStatic: false):
                    PlanFieldChain(instruction, (FieldReference)instruction.Operand);
                    break;
                case Code.Ldsflda when !staticConstructor && FieldRules.Checkable((FieldReference)instruction.Operand, isStatic: true):
                    PlanStaticChain(instruction, (FieldReference)instruction.Operand);
                    break;
                case Code.Ldelema:
                    PlanElementChain(instruction, (TypeReference)instruction.Operand);
                    break;
                case Code.Ldelem_I1 or Code.Ldelem_U1 or Code.Ldelem_I2 or Code.Ldelem_U2 or Code.Ldelem_I4 or Code.Ldelem_U4 or
                    Code.Ldelem_I8 or Code.Ldelem_I or Code.Ldelem_R4 or Code.Ldelem_R8 or Code.Ldelem_Ref or Code.Ldelem_Any:
                    PlanElementLoad(instruction);
                    break;
                case Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 or Code.Stelem_I8 or Code.Stelem_I or Code.Stelem_R4 or
                    Code.Stelem_R8 or Code.Stelem_Ref or Code.Stelem_Any:
                    PlanElementStore(instruction);
                    break;
                case Code.Ldloc or Code.Ldarg when _slots.Of(instruction.Operand) is { } temps:
                    _chains.Follow(instruction, "", () => [Ldloc(temps.Owner), Ldloc(temps.Index), Ldloc(temps.Target)], ChainOrigin.Pointer, slot: instruction.Operand);
                    break;
                case Code.Call or Code.Callvirt or Code.Newobj:
                    var callee = (MethodReference)instruction.Operand;
                    calls.Plan(instruction);
                    if (callee.ReturnType.IsByReference && !ChainPlanner.IsFramework(callee))
                    {
                        _chains.PlanRefReturn(instruction);
                    }

                    break;
            }
        }

        foreach (Instruction store in _method.Body.Instructions.Where(i => _slots.IsStore(i) && !_chains.SlotStores.Contains(i)).ToArray())
        {
            // A pointer from somewhere race mode cannot name (a stack local, unrewritten code): its uses are not checked.
            _edits.Before(store, LdcI4(0), Stloc(_slots.Of(store.Operand)!.Target));
        }
    }

    private void PlanField(Instruction instruction, FieldReference field)
    {
        // A field of a struct reached through a pointer is planned by the chain that produced the pointer.
        if (field.DeclaringType.IsValueType || !FieldRules.Checkable(field, isStatic: false))
        {
            return;
        }

        bool write = instruction.OpCode.Code == Code.Stfld;
        int site = _sites.Site(instruction, AccessNames.FieldName(field));
        if (write)
        {
            VariableDefinition value = _edits.Temp(GenericResolver.Resolve(field.FieldType, FieldAsCall(field)) ?? _hooks.ObjectType);
            if (ChainPlanner.IsVolatile(instruction))
            {
                VariableDefinition token = _edits.Temp(_hooks.ObjectType);
                _edits.Before(instruction, Stloc(value), Dup(), LdcI4(site), LdcI4(1), Call(_hooks.Memory(nameof(RaceHooks.AtomicBegin))), Stloc(token), Ldloc(value));
                _edits.After(instruction, Ldloc(token), Call(_hooks.Memory(nameof(RaceHooks.AtomicEnd))));
            }
            else
            {
                _edits.Before(instruction, Stloc(value), Dup(), LdcI4(site), Call(_hooks.Memory(nameof(RaceHooks.Write))), Ldloc(value));
            }
        }
        else if (ChainPlanner.IsVolatile(instruction) || FieldRules.IsEventAccessorLoad(_method, field))
        {
            VariableDefinition token = _edits.Temp(_hooks.ObjectType);
            _edits.Before(instruction, Dup(), LdcI4(site), LdcI4(0), Call(_hooks.Memory(nameof(RaceHooks.AtomicBegin))), Stloc(token));
            _edits.After(instruction, Ldloc(token), Call(_hooks.Memory(nameof(RaceHooks.AtomicEnd))));
        }
        else
        {
            _edits.Before(instruction, Dup(), LdcI4(site), Call(_hooks.Memory(nameof(RaceHooks.Read))));
        }
    }

    private void PlanStatic(Instruction instruction, FieldReference field)
    {
        if (!FieldRules.Checkable(field, isStatic: true))
        {
            return;
        }

        bool write = instruction.OpCode.Code == Code.Stsfld;
        int site = _sites.Site(instruction, AccessNames.FieldName(field));
        if (ChainPlanner.IsVolatile(instruction))
        {
            VariableDefinition token = _edits.Temp(_hooks.ObjectType);
            _edits.Before(instruction, [.. StaticOwner(field), LdcI4(site), LdcI4(write ? 1 : 0), Call(_hooks.Memory(nameof(RaceHooks.AtomicBeginStatic))), Stloc(token)]);
            _edits.After(instruction, Ldloc(token), Call(_hooks.Memory(nameof(RaceHooks.AtomicEnd))));
        }
        else
        {
            _edits.Before(instruction, [.. StaticOwner(field), LdcI4(site), Call(_hooks.Memory(write ? nameof(RaceHooks.WriteStatic) : nameof(RaceHooks.ReadStatic)))]);
        }
    }

    private void PlanElementLoad(Instruction instruction)
    {
        VariableDefinition index = _edits.Temp(_nativeInt);
        int site = _sites.Site(instruction, AccessNames.ElementName(instruction));
        _edits.Before(instruction, Stloc(index), Dup(), Ldloc(index), LdcI4(site), Call(_hooks.Memory(nameof(RaceHooks.ReadElement))), Ldloc(index));
    }

    private void PlanElementStore(Instruction instruction)
    {
        if (StoredType(instruction) is not { } valueType)
        {
            return;
        }

        VariableDefinition value = _edits.Temp(valueType);
        VariableDefinition index = _edits.Temp(_nativeInt);
        int site = _sites.Site(instruction, AccessNames.ElementName(instruction));
        _edits.Before(instruction, Stloc(value), Stloc(index), Dup(), Ldloc(index), LdcI4(site), Call(_hooks.Memory(nameof(RaceHooks.WriteElement))), Ldloc(index), Ldloc(value));
    }

    private void PlanFieldChain(Instruction origin, FieldReference field)
    {
        if (field.DeclaringType.IsValueType)
        {
            return;
        }

        VariableDefinition owner = _edits.Temp(_hooks.ObjectType);
        if (_chains.Follow(origin, AccessNames.FieldName(field), () => [Ldloc(owner)], ChainOrigin.Field))
        {
            _edits.Before(origin, Dup(), Stloc(owner));
        }
    }

    private void PlanStaticChain(Instruction origin, FieldReference field) =>
        _chains.Follow(origin, AccessNames.FieldName(field), () => StaticOwner(field), ChainOrigin.Static);

    private void PlanElementChain(Instruction origin, TypeReference elementType)
    {
        VariableDefinition array = _edits.Temp(_arrayType);
        VariableDefinition index = _edits.Temp(_nativeInt);
        if (_chains.Follow(origin, $"{elementType.Name}[]", () => [Ldloc(array), Ldloc(index)], ChainOrigin.Element))
        {
            _edits.Before(origin, Stloc(index), Dup(), Stloc(array), Ldloc(index));
        }
    }

    private Instruction[] StaticOwner(FieldReference field)
    {
        // Statics of a generic type exist once per closed type: the runtime type names the copy.
        if (field.DeclaringType is GenericInstanceType || field.DeclaringType.HasGenericParameters)
        {
            return [Instruction.Create(OpCodes.Ldtoken, SelfReference(field.DeclaringType)), Call(_hooks.TypeFromHandle)];
        }

        return [Instruction.Create(OpCodes.Ldnull)];
    }

    private static TypeReference SelfReference(TypeReference type)
    {
        if (type is GenericInstanceType || !type.HasGenericParameters)
        {
            return type;
        }

        var self = new GenericInstanceType(type);
        foreach (GenericParameter parameter in type.GenericParameters)
        {
            self.GenericArguments.Add(parameter);
        }

        return self;
    }

    private TypeReference? StoredType(Instruction instruction) => instruction.OpCode.Code switch
    {
        Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 => _method.Module.TypeSystem.Int32,
        Code.Stelem_I8 => _method.Module.TypeSystem.Int64,
        Code.Stelem_I => _nativeInt,
        Code.Stelem_R4 => _method.Module.TypeSystem.Single,
        Code.Stelem_R8 => _method.Module.TypeSystem.Double,
        Code.Stelem_Ref => _hooks.ObjectType,
        Code.Stelem_Any => (TypeReference)instruction.Operand,
        _ => null,
    };

    private static MethodReference FieldAsCall(FieldReference field) =>
        new("<field>", field.FieldType, field.DeclaringType);

    /// <summary>A catch (or filtered) handler that may receive an <c>OperationCanceledException</c>, alone or in an <c>AggregateException</c>.</summary>
    private static bool CanCatchCancellation(ExceptionHandler handler) =>
        handler.HandlerType == ExceptionHandlerType.Filter ||
        (handler.HandlerType == ExceptionHandlerType.Catch && handler.CatchType?.FullName is "System.Object" or "System.Exception" or
            "System.SystemException" or "System.OperationCanceledException" or "System.Threading.Tasks.TaskCanceledException" or
            "System.AggregateException");
}
