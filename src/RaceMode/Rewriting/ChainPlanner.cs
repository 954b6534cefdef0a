using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;
using Mono.Cecil.Cil;
using static ActorConcurrency.RaceMode.Rewriting.Il;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Follows a pointer (<c>ldflda</c>, <c>ldsflda</c>, <c>ldelema</c>, a <c>ref</c> local or parameter, a <c>ref</c> return)
/// through struct-field steps, <c>dup</c> and the retyping <c>Unsafe.As</c>/<c>Unsafe.AsRef</c> to the instruction that
/// uses it, and plans the checked access there: a load, a store, an atomic, a (re)assignment of a <c>ref</c> slot (whose
/// companions then carry the target), or a handover of the pointer across a call or a return (see
/// <see cref="PointerSlots"/>, <see cref="RefHooks"/>).
/// </summary>
internal sealed class ChainPlanner
{
    private readonly MethodDefinition _method;
    private readonly HookReferences _hooks;
    private readonly MethodEdits _edits;
    private readonly MethodSites _sites;
    private readonly PointerSlots _slots;
    private readonly HashSet<Instruction> _branchTargets;
    private readonly TypeReference _nativeInt;

    public ChainPlanner(MethodDefinition method, HookReferences hooks, MethodEdits edits, MethodSites sites, PointerSlots slots, TypeReference nativeInt)
    {
        _method = method;
        _hooks = hooks;
        _edits = edits;
        _sites = sites;
        _slots = slots;
        _nativeInt = nativeInt;
        _branchTargets = StackScanner.BranchTargets(method.Body);
    }

    /// <summary>Instructions a chain consumed (planned there): the instrumenter skips them.</summary>
    public HashSet<Instruction> Handled { get; } = [];

    /// <summary>Assignments of <c>ref</c> slots a chain planned; the others get an unknown target.</summary>
    public HashSet<Instruction> SlotStores { get; } = [];

    /// <summary>
    /// Follows the pointer <paramref name="origin"/> pushes to the instruction that uses it and plans the checked
    /// access there; returns false (nothing planned) when the use is not one race mode understands.
    /// </summary>
    public bool Follow(Instruction origin, string path, Func<Instruction[]> owner, ChainOrigin kind, bool fieldOfElement = false, int depth = 1, object? slot = null)
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
                    Handled.Add(consumer);
                    current = consumer;
                    continue;
                case Code.Ldfld when operand == 0:
                    Handled.Add(consumer);
                    return PlanAt(consumer, path + "." + ((FieldReference)consumer.Operand).Name, owner, kind, fieldOfElement: true, write: false, IsVolatile(consumer));
                case Code.Stfld when operand == 0:
                    Handled.Add(consumer);
                    return PlanAt(consumer, path + "." + ((FieldReference)consumer.Operand).Name, owner, kind, fieldOfElement: true, write: true, IsVolatile(consumer));
                case Code.Ldobj or Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2 or Code.Ldind_I4 or Code.Ldind_U4 or
                    Code.Ldind_I8 or Code.Ldind_I or Code.Ldind_R4 or Code.Ldind_R8 or Code.Ldind_Ref when operand == 0:
                    return PlanAt(consumer, path, owner, kind, fieldOfElement, write: false, IsVolatile(consumer));
                case Code.Stobj or Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R4 or
                    Code.Stind_R8 or Code.Stind_Ref or Code.Initobj when operand == 0:
                    return PlanAt(consumer, path, owner, kind, fieldOfElement, write: true, IsVolatile(consumer));
                case Code.Call when operand == 0 && consumer.Operand is MethodReference cast && IsLocationPreserving(cast):
                    // Unsafe.As / Unsafe.AsRef return the pointer they were given, retyped: follow it to its use.
                    current = consumer;
                    continue;
                case Code.Call when operand == 0 && consumer.Operand is MethodReference call && CallInstrumenter.IsAtomic(call, out bool write):
                    Handled.Add(consumer);
                    return PlanAt(consumer, path, owner, kind, fieldOfElement, write, atomic: true);
                case Code.Dup:
                    // x.f++ and a[i]++ load and store through one pointer: follow both copies.
                    bool upper = Follow(consumer, path, owner, kind, fieldOfElement, depth: 1, slot);
                    bool lower = Follow(consumer, path, owner, kind, fieldOfElement, depth: 2, slot);
                    return upper | lower;
                case Code.Stloc or Code.Starg when _slots.Of(consumer.Operand) is { } temps:
                    // A ref local or parameter (re)assigned: its companions now name this target.
                    _edits.Before(consumer, [.. Descriptor(consumer, path, owner, kind, fieldOfElement), Stloc(temps.Target), Stloc(temps.Index), Stloc(temps.Owner)]);
                    SlotStores.Add(consumer);
                    return true;
                case Code.Ret when operand == 0 && top && _method.ReturnType.IsByReference:
                case Code.Call or Code.Callvirt or Code.Newobj when consumer.Operand is MethodReference callee && TakesTarget(callee) && IsPointerArgument(consumer, callee, operand):
                    // A ref return or a ref argument: the target is handed to the other side by the pointer's address.
                    Instruction[] publish = [Dup(), .. Descriptor(consumer, path, owner, kind, fieldOfElement), Call(_hooks.Ref(nameof(RefHooks.Publish)))];
                    if (top)
                    {
                        _edits.AfterLast(current, publish);
                    }
                    else
                    {
                        // The lower copy of a dup, kept on the stack to a later call (optimised code does this: a pointer
                        // passed to two calls with other work between them). Before the dup it is alone on top: publish
                        // it there too, so each call takes its own entry.
                        _edits.Before(current, publish);
                    }

                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>After a call to a rewritten method returning a <c>ref</c>: takes the target it handed over, follows the pointer.</summary>
    public void PlanRefReturn(Instruction call)
    {
        var temps = new PointerTemps(_edits.Temp(_hooks.ObjectType), _edits.Temp(_nativeInt), _edits.Temp(_method.Module.TypeSystem.Int32));
        if (Follow(call, "", () => [Ldloc(temps.Owner), Ldloc(temps.Index), Ldloc(temps.Target)], ChainOrigin.Pointer))
        {
            _edits.After(call, Dup(), Ldloca(temps.Owner), Ldloca(temps.Index),
                Call(_hooks.Ref(nameof(RefHooks.Take))), Stloc(temps.Target));
        }
    }

    /// <summary>What the chain's pointer points at, pushed as (owner, index, target) for the pointer hooks.</summary>
    private Instruction[] Descriptor(Instruction at, string path, Func<Instruction[]> owner, ChainOrigin kind, bool fieldOfElement) => kind switch
    {
        ChainOrigin.Field => [.. owner(), LdcI4(-1), Instruction.Create(OpCodes.Conv_I), LdcI4(_sites.Target(at, path, PointerKind.Field))],
        ChainOrigin.Static => [.. owner(), LdcI4(-1), Instruction.Create(OpCodes.Conv_I), LdcI4(_sites.Target(at, path, PointerKind.Static))],
        ChainOrigin.Element => [.. owner(), LdcI4(_sites.Target(at, path, fieldOfElement ? PointerKind.ElementField : PointerKind.Element))],
        _ when path.Length == 0 => owner(),
        _ => [.. owner(), LdcI4(SiteTable.Location(path)), Call(_hooks.Ref(nameof(RefHooks.Extend)))],
    };

    /// <summary>Framework code is not rewritten: it neither hands over nor takes a pointer's target.</summary>
    public static bool IsFramework(MethodReference method)
    {
        string scope = method.DeclaringType.Scope switch
        {
            AssemblyNameReference assembly => assembly.Name,
            ModuleDefinition module => module.Assembly.Name.Name,
            _ => "",
        };
        return scope is "mscorlib" or "netstandard" || scope.StartsWith("System", StringComparison.Ordinal) || scope.StartsWith("Microsoft", StringComparison.Ordinal);
    }

    /// <summary>
    /// True for <c>Unsafe.As&lt;TFrom, TTo&gt;(ref TFrom)</c> and <c>Unsafe.AsRef&lt;T&gt;(ref readonly T)</c>, which return a
    /// pointer to the location they are given (not <c>Unsafe.As&lt;T&gt;(object)</c>, <c>AsRef&lt;T&gt;(void*)</c>, <c>Add</c>…).
    /// </summary>
    public static bool IsLocationPreserving(MethodReference method) =>
        method.DeclaringType.FullName == "System.Runtime.CompilerServices.Unsafe" && method.Name is "As" or "AsRef" &&
        method.Parameters.Count == 1 && method.ReturnType.IsByReference && Unmodified(method.Parameters[0].ParameterType).IsByReference;

    private static TypeReference Unmodified(TypeReference type) => type is IModifierType modified ? Unmodified(modified.ElementType) : type;

    /// <summary>
    /// A callee that takes a pointer's target on the other side: rewritten code, and <c>SpinLock</c>, whose hooks key the
    /// lock by the field or element it lives in (<see cref="SpinLockHooks"/>).
    /// </summary>
    private static bool TakesTarget(MethodReference callee) => !IsFramework(callee) || IsSpinLock(callee);

    private static bool IsSpinLock(MethodReference callee) => callee.DeclaringType.FullName == "System.Threading.SpinLock";

    /// <summary>An instance method of a struct, whose <c>this</c> is a pointer (resolved: a reference's flag may not say so).</summary>
    private static bool IsStructMethod(MethodReference callee) => callee.DeclaringType.IsValueType || callee.DeclaringType.Resolve()?.IsValueType == true;

    private static bool IsPointerArgument(Instruction call, MethodReference callee, int operand)
    {
        if (operand == 0 && callee.HasThis && call.OpCode.Code != Code.Newobj && (IsSpinLock(callee) || IsStructMethod(callee)))
        {
            // The receiver of a struct's own method (a SpinLock's, or rewritten code's): 'this' points at the field or
            // element the struct lives in.
            return true;
        }

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

        int site = _sites.Site(at, path);
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
        int site = _sites.Site(at, "ref target");
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

    public static bool IsVolatile(Instruction instruction) => instruction.Previous is { OpCode.Code: Code.Volatile };
}
