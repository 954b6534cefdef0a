using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Instruments one method body: plain field loads and stores (instance and static, through <c>ldflda</c> chains
/// into struct fields), array element loads and stores (through <c>ldelema</c>), atomic accesses (<c>volatile.</c>,
/// <c>Interlocked</c>, <c>Volatile</c>) and calls into the framework's synchronisation (see <see cref="CallInstrumenter"/>).
/// Fields that cannot race are left alone: readonly fields, <c>[ThreadStatic]</c> fields, everything a static
/// constructor does (the runtime orders it before every use of the type) and the compiler's lambda caches.
/// </summary>
internal sealed class MethodInstrumenter
{
    private readonly MethodDefinition _method;
    private readonly HookReferences _hooks;
    private readonly MethodEdits _edits;
    private readonly HashSet<Instruction> _branchTargets;
    private readonly HashSet<Instruction> _handled = [];
    private readonly HashSet<Instruction> _slotStores = [];
    private readonly PointerSlots _slots;
    private readonly Dictionary<Instruction, SequencePoint> _lines = [];
    private readonly string _member;
    private readonly TypeReference _nativeInt;
    private readonly TypeReference _arrayType;

    public MethodInstrumenter(MethodDefinition method, HookReferences hooks)
    {
        _method = method;
        _hooks = hooks;
        _edits = new MethodEdits(method.Body);
        _branchTargets = StackScanner.BranchTargets(method.Body);
        _member = MemberName(method);
        _nativeInt = method.Module.TypeSystem.IntPtr;
        _arrayType = method.Module.ImportReference(typeof(Array));
        _slots = new PointerSlots(method, _edits, hooks.ObjectType, _nativeInt);
        SequencePoint? last = null;
        foreach (Instruction instruction in method.Body.Instructions)
        {
            if (method.DebugInformation.GetSequencePoint(instruction) is { IsHidden: false } point)
            {
                last = point;
            }

            if (last is not null)
            {
                _lines[instruction] = last;
            }
        }
    }

    public MethodEdits Edits => _edits;

    /// <summary>How many accesses were instrumented.</summary>
    public int Count { get; private set; }

    /// <summary>Plans every edit of the body (applied by <see cref="MethodEdits.Apply"/>).</summary>
    public void Plan()
    {
        bool staticConstructor = _method.IsConstructor && _method.IsStatic;
        var calls = new CallInstrumenter(_method, _hooks, _edits, this);
        foreach ((ParameterDefinition parameter, PointerTemps temps) in _slots.Parameters)
        {
            // A ref parameter's target comes from the caller, handed over by the pointer's address.
            _edits.Prologue(
                Instruction.Create(OpCodes.Ldarg, parameter), Instruction.Create(OpCodes.Ldloca, temps.Owner),
                Instruction.Create(OpCodes.Ldloca, temps.Index), Call(_hooks.Ref(nameof(RefHooks.Take))), Stloc(temps.Target));
        }

        foreach (Instruction instruction in _method.Body.Instructions.ToArray())
        {
            if (_handled.Contains(instruction))
            {
                continue;
            }

            switch (instruction.OpCode.Code)
            {
                case Code.Ldfld or Code.Stfld when !staticConstructor:
                    PlanField(instruction, (FieldReference)instruction.Operand);
                    break;
                case Code.Ldsfld or Code.Stsfld or Code.Ldsflda when !staticConstructor && IsThreadStatic((FieldReference)instruction.Operand):
                    _edits.Before(instruction, Call(_hooks.Memory(nameof(RaceHooks.ThreadStatic))));
                    break;
                case Code.Ldsfld or Code.Stsfld when !staticConstructor:
                    PlanStatic(instruction, (FieldReference)instruction.Operand);
                    break;
                case Code.Ldflda when !staticConstructor && Checkable((FieldReference)instruction.Operand, isStatic: false):
                    PlanFieldChain(instruction, (FieldReference)instruction.Operand);
                    break;
                case Code.Ldsflda when !staticConstructor && Checkable((FieldReference)instruction.Operand, isStatic: true):
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
                    PlanChain(instruction, "", () => [Ldloc(temps.Owner), Ldloc(temps.Index), Ldloc(temps.Target)], ChainOrigin.Pointer, slot: instruction.Operand);
                    break;
                case Code.Call or Code.Callvirt or Code.Newobj:
                    var callee = (MethodReference)instruction.Operand;
                    calls.Plan(instruction);
                    if (callee.ReturnType.IsByReference && !IsFramework(callee))
                    {
                        PlanRefReturn(instruction);
                    }

                    break;
            }
        }

        foreach (Instruction store in _method.Body.Instructions.Where(i => _slots.IsStore(i) && !_slotStores.Contains(i)).ToArray())
        {
            // A pointer from somewhere race mode cannot name (a stack local, unrewritten code): its uses are not checked.
            _edits.Before(store, LdcI4(0), Stloc(_slots.Of(store.Operand)!.Target));
        }
    }

    /// <summary>Registers the access at <paramref name="at"/> to <paramref name="location"/> and returns its site number.</summary>
    public int Site(Instruction at, string location)
    {
        Count++;
        AccessSite where = _lines.TryGetValue(at, out SequencePoint? point)
            ? new AccessSite(_member, point.Document.Url, point.StartLine)
            : new AccessSite(_member, "?", 0);
        return SiteTable.Register(where, SiteTable.Location(location));
    }

    private static bool IsVolatile(Instruction instruction) => instruction.Previous is { OpCode.Code: Code.Volatile };

    private bool Checkable(FieldReference field, bool isStatic)
    {
        if (field.Resolve() is not { } definition || definition.IsStatic != isStatic || definition.IsLiteral)
        {
            return false;
        }

        if (field.Name.StartsWith("<>race", StringComparison.Ordinal) || field.DeclaringType.Name == "<>c")
        {
            return false;
        }

        if (definition.IsInitOnly && !field.DeclaringType.IsValueType)
        {
            return false;
        }

        return !definition.CustomAttributes.Any(a => a.AttributeType.FullName == "System.ThreadStaticAttribute");
    }

    private static bool IsThreadStatic(FieldReference field) =>
        field.Resolve() is { IsStatic: true } definition && definition.CustomAttributes.Any(a => a.AttributeType.FullName == "System.ThreadStaticAttribute");

    private void PlanField(Instruction instruction, FieldReference field)
    {
        // A field of a struct reached through a pointer is planned by the chain that produced the pointer.
        if (field.DeclaringType.IsValueType || !Checkable(field, isStatic: false))
        {
            return;
        }

        bool write = instruction.OpCode.Code == Code.Stfld;
        int site = Site(instruction, FieldName(field));
        if (write)
        {
            VariableDefinition value = _edits.Temp(GenericResolver.Resolve(field.FieldType, FieldAsCall(field)) ?? _hooks.ObjectType);
            if (IsVolatile(instruction))
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
        else if (IsVolatile(instruction))
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
        if (!Checkable(field, isStatic: true))
        {
            return;
        }

        bool write = instruction.OpCode.Code == Code.Stsfld;
        int site = Site(instruction, FieldName(field));
        if (IsVolatile(instruction))
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
        int site = Site(instruction, ElementName(instruction));
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
        int site = Site(instruction, ElementName(instruction));
        _edits.Before(instruction, Stloc(value), Stloc(index), Dup(), Ldloc(index), LdcI4(site), Call(_hooks.Memory(nameof(RaceHooks.WriteElement))), Ldloc(index), Ldloc(value));
    }

    private void PlanFieldChain(Instruction origin, FieldReference field)
    {
        if (field.DeclaringType.IsValueType)
        {
            return;
        }

        VariableDefinition owner = _edits.Temp(_hooks.ObjectType);
        if (PlanChain(origin, FieldName(field), () => [Ldloc(owner)], ChainOrigin.Field))
        {
            _edits.Before(origin, Dup(), Stloc(owner));
        }
    }

    private void PlanStaticChain(Instruction origin, FieldReference field) =>
        PlanChain(origin, FieldName(field), () => StaticOwner(field), ChainOrigin.Static);

    private void PlanElementChain(Instruction origin, TypeReference elementType)
    {
        VariableDefinition array = _edits.Temp(_arrayType);
        VariableDefinition index = _edits.Temp(_nativeInt);
        if (PlanChain(origin, $"{elementType.Name}[]", () => [Ldloc(array), Ldloc(index)], ChainOrigin.Element))
        {
            _edits.Before(origin, Stloc(index), Dup(), Stloc(array), Ldloc(index));
        }
    }

    /// <summary>
    /// Follows the pointer <paramref name="origin"/> pushes to the instruction that uses it and plans the checked
    /// access there; returns false (nothing planned) when the use is not one race mode understands.
    /// </summary>
    private bool PlanChain(Instruction origin, string path, Func<Instruction[]> owner, ChainOrigin kind, bool fieldOfElement = false, int depth = 1, object? slot = null)
    {
        Instruction current = origin;
        while (true)
        {
            // The pointer is on top of the stack right after current (not so for the lower copy of a dup).
            bool top = depth == 1;
            if (StackScanner.FindConsumer(current, _branchTargets, depth) is not (Instruction consumer, int operand))
            {
                return false;
            }

            if (slot is not null && StoresBetween(current, consumer, slot))
            {
                // The companions are reassigned before the use: they no longer describe this pointer.
                return false;
            }

            depth = 1;

            switch (consumer.OpCode.Code)
            {
                case Code.Ldflda when operand == 0:
                    path += "." + ((FieldReference)consumer.Operand).Name;
                    fieldOfElement = true;
                    _handled.Add(consumer);
                    current = consumer;
                    continue;
                case Code.Ldfld when operand == 0:
                    _handled.Add(consumer);
                    return PlanAt(consumer, path + "." + ((FieldReference)consumer.Operand).Name, owner, kind, fieldOfElement: true, write: false, IsVolatile(consumer));
                case Code.Stfld when operand == 0:
                    _handled.Add(consumer);
                    return PlanAt(consumer, path + "." + ((FieldReference)consumer.Operand).Name, owner, kind, fieldOfElement: true, write: true, IsVolatile(consumer));
                case Code.Ldobj or Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2 or Code.Ldind_I4 or Code.Ldind_U4 or
                    Code.Ldind_I8 or Code.Ldind_I or Code.Ldind_R4 or Code.Ldind_R8 or Code.Ldind_Ref when operand == 0:
                    return PlanAt(consumer, path, owner, kind, fieldOfElement, write: false, IsVolatile(consumer));
                case Code.Stobj or Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R4 or
                    Code.Stind_R8 or Code.Stind_Ref or Code.Initobj when operand == 0:
                    return PlanAt(consumer, path, owner, kind, fieldOfElement, write: true, IsVolatile(consumer));
                case Code.Call when operand == 0 && consumer.Operand is MethodReference call && CallInstrumenter.IsAtomic(call, out bool write):
                    _handled.Add(consumer);
                    return PlanAt(consumer, path, owner, kind, fieldOfElement, write, atomic: true);
                case Code.Dup:
                    // x.f++ and a[i]++ load and store through one pointer: follow both copies.
                    bool upper = PlanChain(consumer, path, owner, kind, fieldOfElement, depth: 1, slot);
                    bool lower = PlanChain(consumer, path, owner, kind, fieldOfElement, depth: 2, slot);
                    return upper | lower;
                case Code.Stloc or Code.Starg when _slots.Of(consumer.Operand) is { } temps:
                    // A ref local or parameter (re)assigned: its companions now name this target.
                    _edits.Before(consumer, [.. Descriptor(consumer, path, owner, kind, fieldOfElement), Stloc(temps.Target), Stloc(temps.Index), Stloc(temps.Owner)]);
                    _slotStores.Add(consumer);
                    return true;
                case Code.Ret when operand == 0 && top && _method.ReturnType.IsByReference:
                case Code.Call or Code.Callvirt or Code.Newobj when top && consumer.Operand is MethodReference callee && !IsFramework(callee) && IsPointerArgument(consumer, callee, operand):
                    // A ref return or a ref argument: the target is handed to the other side by the pointer's address.
                    _edits.AfterLast(current, [Dup(), .. Descriptor(consumer, path, owner, kind, fieldOfElement), Call(_hooks.Ref(nameof(RefHooks.Publish)))]);
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>After a call to a rewritten method returning a <c>ref</c>: takes the target it handed over, follows the pointer.</summary>
    private void PlanRefReturn(Instruction call)
    {
        var temps = new PointerTemps(_edits.Temp(_hooks.ObjectType), _edits.Temp(_nativeInt), _edits.Temp(_method.Module.TypeSystem.Int32));
        if (PlanChain(call, "", () => [Ldloc(temps.Owner), Ldloc(temps.Index), Ldloc(temps.Target)], ChainOrigin.Pointer))
        {
            _edits.After(call, Dup(), Instruction.Create(OpCodes.Ldloca, temps.Owner), Instruction.Create(OpCodes.Ldloca, temps.Index),
                Call(_hooks.Ref(nameof(RefHooks.Take))), Stloc(temps.Target));
        }
    }

    /// <summary>What the chain's pointer points at, pushed as (owner, index, target) for the pointer hooks.</summary>
    private Instruction[] Descriptor(Instruction at, string path, Func<Instruction[]> owner, ChainOrigin kind, bool fieldOfElement) => kind switch
    {
        ChainOrigin.Field => [.. owner(), LdcI4(-1), Instruction.Create(OpCodes.Conv_I), LdcI4(Target(at, path, PointerKind.Field))],
        ChainOrigin.Static => [.. owner(), LdcI4(-1), Instruction.Create(OpCodes.Conv_I), LdcI4(Target(at, path, PointerKind.Static))],
        ChainOrigin.Element => [.. owner(), LdcI4(Target(at, path, fieldOfElement ? PointerKind.ElementField : PointerKind.Element))],
        _ when path.Length == 0 => owner(),
        _ => [.. owner(), LdcI4(SiteTable.Location(path)), Call(_hooks.Ref(nameof(RefHooks.Extend)))],
    };

    private int Target(Instruction at, string path, PointerKind kind)
    {
        AccessSite where = _lines.TryGetValue(at, out SequencePoint? point)
            ? new AccessSite(_member, point.Document.Url, point.StartLine)
            : new AccessSite(_member, "?", 0);
        return PointerTargets.Encode(SiteTable.Register(where, SiteTable.Location(path)), kind);
    }

    /// <summary>Framework code is not rewritten: it neither hands over nor takes a pointer's target.</summary>
    private static bool IsFramework(MethodReference method)
    {
        string scope = method.DeclaringType.Scope switch
        {
            AssemblyNameReference assembly => assembly.Name,
            ModuleDefinition module => module.Assembly.Name.Name,
            _ => "",
        };
        return scope is "mscorlib" or "netstandard" || scope.StartsWith("System", StringComparison.Ordinal) || scope.StartsWith("Microsoft", StringComparison.Ordinal);
    }

    private static bool IsPointerArgument(Instruction call, MethodReference callee, int operand)
    {
        int parameter = operand - (callee.HasThis && call.OpCode.Code != Code.Newobj ? 1 : 0);
        return parameter >= 0 && parameter < callee.Parameters.Count && callee.Parameters[parameter].ParameterType.IsByReference;
    }

    private static bool StoresBetween(Instruction from, Instruction to, object slot)
    {
        for (Instruction? next = from.Next; next is not null && next != to; next = next.Next)
        {
            if (next.OpCode.Code is Code.Stloc or Code.Starg && next.Operand == slot)
            {
                return true;
            }
        }

        return false;
    }

    private bool PlanAt(Instruction at, string path, Func<Instruction[]> owner, ChainOrigin kind, bool fieldOfElement, bool write, bool atomic)
    {
        if (kind == ChainOrigin.Pointer)
        {
            return PlanAtPointer(at, path, owner, write, atomic);
        }

        int site = Site(at, path);
        if (atomic)
        {
            VariableDefinition token = _edits.Temp(_hooks.ObjectType);
            Instruction[] begin = kind switch
            {
                ChainOrigin.Field => [.. owner(), LdcI4(site), LdcI4(write ? 1 : 0), Call(_hooks.Memory(nameof(RaceHooks.AtomicBegin)))],
                ChainOrigin.Static => [.. owner(), LdcI4(site), LdcI4(write ? 1 : 0), Call(_hooks.Memory(nameof(RaceHooks.AtomicBeginStatic)))],
                _ => [.. owner(), LdcI4(site), LdcI4(write ? 1 : 0), LdcI4(fieldOfElement ? 1 : 0), Call(_hooks.Memory(nameof(RaceHooks.AtomicBeginElement)))],
            };
            _edits.Before(at, [.. begin, Stloc(token)]);
            _edits.After(at, Ldloc(token), Call(_hooks.Memory(nameof(RaceHooks.AtomicEnd))));
            return true;
        }

        string hook = kind switch
        {
            ChainOrigin.Field => write ? nameof(RaceHooks.Write) : nameof(RaceHooks.Read),
            ChainOrigin.Static => write ? nameof(RaceHooks.WriteStatic) : nameof(RaceHooks.ReadStatic),
            _ when fieldOfElement => write ? nameof(RaceHooks.WriteElementField) : nameof(RaceHooks.ReadElementField),
            _ => write ? nameof(RaceHooks.WriteElement) : nameof(RaceHooks.ReadElement),
        };
        _edits.Before(at, [.. owner(), LdcI4(site), Call(_hooks.Memory(hook))]);
        return true;
    }

    private bool PlanAtPointer(Instruction at, string path, Func<Instruction[]> owner, bool write, bool atomic)
    {
        int site = Site(at, "ref target");
        Instruction[] target = Descriptor(at, path, owner, ChainOrigin.Pointer, fieldOfElement: false);
        if (atomic)
        {
            VariableDefinition token = _edits.Temp(_hooks.ObjectType);
            _edits.Before(at, [.. target, LdcI4(site), LdcI4(write ? 1 : 0), Call(_hooks.Ref(nameof(RefHooks.AtomicBeginAt))), Stloc(token)]);
            _edits.After(at, Ldloc(token), Call(_hooks.Memory(nameof(RaceHooks.AtomicEnd))));
        }
        else
        {
            _edits.Before(at, [.. target, LdcI4(site), Call(_hooks.Ref(write ? nameof(RefHooks.WriteAt) : nameof(RefHooks.ReadAt)))]);
        }

        return true;
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

    private static string ElementName(Instruction instruction) => instruction.Operand is TypeReference type
        ? $"{type.Name}[]"
        : instruction.OpCode.Code switch
        {
            Code.Ldelem_Ref or Code.Stelem_Ref => "Object[]",
            Code.Ldelem_I4 or Code.Stelem_I4 or Code.Ldelem_U4 => "Int32[]",
            Code.Ldelem_I8 or Code.Stelem_I8 => "Int64[]",
            _ => "[]".Insert(0, instruction.OpCode.Name.Split('.').Last()),
        };

    private static string FieldName(FieldReference field) => $"{TypeName(field.DeclaringType)}.{field.Name}";

    private static string TypeName(TypeReference type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    /// <summary><c>Type.Method</c>, with a state machine or closure named after the method it came from.</summary>
    private static string MemberName(MethodDefinition method)
    {
        TypeDefinition type = method.DeclaringType;
        string name = method.Name;
        if (type.Name.StartsWith('<') && type.DeclaringType is { } outer)
        {
            int close = type.Name.IndexOf('>', StringComparison.Ordinal);
            if (close > 1)
            {
                name = type.Name[1..close];
            }

            type = outer;
        }

        return $"{TypeName(type)}.{name}";
    }

    private static Instruction Dup() => Instruction.Create(OpCodes.Dup);

    private static Instruction LdcI4(int value) => Instruction.Create(OpCodes.Ldc_I4, value);

    private static Instruction Stloc(VariableDefinition variable) => Instruction.Create(OpCodes.Stloc, variable);

    private static Instruction Ldloc(VariableDefinition variable) => Instruction.Create(OpCodes.Ldloc, variable);

    private static Instruction Call(MethodReference method) => Instruction.Create(OpCodes.Call, method);

    /// <summary>Where the pointer of a chain comes from.</summary>
    private enum ChainOrigin
    {
        Field,
        Static,
        Element,

        /// <summary>A ref local, ref parameter or ref return: the target is carried at run time.</summary>
        Pointer,
    }
}
