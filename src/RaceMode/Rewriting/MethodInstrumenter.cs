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
                case Code.Call or Code.Callvirt or Code.Newobj:
                    calls.Plan(instruction);
                    break;
            }
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
    private bool PlanChain(Instruction origin, string path, Func<Instruction[]> owner, ChainOrigin kind, bool fieldOfElement = false, int depth = 1)
    {
        Instruction current = origin;
        while (true)
        {
            if (StackScanner.FindConsumer(current, _branchTargets, depth) is not (Instruction consumer, int operand))
            {
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
                    bool top = PlanChain(consumer, path, owner, kind, fieldOfElement, depth: 1);
                    bool lower = PlanChain(consumer, path, owner, kind, fieldOfElement, depth: 2);
                    return top | lower;
                case Code.Stloc when consumer.Operand is VariableDefinition { VariableType.IsByReference: true } local && AssignedOnce(local):
                    // A ref local: every later use of it is a use of this location (the owner's temporary is never reassigned).
                    bool planned = false;
                    foreach (Instruction use in _method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ldloc && i.Operand == local).ToArray())
                    {
                        planned |= PlanChain(use, path, owner, kind, fieldOfElement);
                    }

                    return planned;
                default:
                    return false;
            }
        }
    }

    private bool AssignedOnce(VariableDefinition local) =>
        _method.Body.Instructions.Count(i => i.OpCode.Code == Code.Stloc && i.Operand == local) == 1 &&
        !_method.Body.Instructions.Any(i => i.OpCode.Code == Code.Ldloca && i.Operand == local);

    private bool PlanAt(Instruction at, string path, Func<Instruction[]> owner, ChainOrigin kind, bool fieldOfElement, bool write, bool atomic)
    {
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
    }
}
