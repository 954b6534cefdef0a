using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// The <c>ref</c> locals and <c>ref</c> parameters of one method, each given three companion locals that hold what
/// it points at (owner, index, target: see <see cref="Runtime.PointerTargets"/>). The rewritten code sets them at
/// every assignment of the pointer (a parameter's from the caller, on entry), so every use of the pointer knows its
/// real target however often the pointer was reassigned. A slot whose address is taken is not followed.
/// </summary>
internal sealed class PointerSlots
{
    private readonly Dictionary<object, PointerTemps> _slots = [];

    public PointerSlots(MethodDefinition method, MethodEdits edits, TypeReference objectType, TypeReference nativeInt)
    {
        MethodBody body = method.Body;
        var addressTaken = body.Instructions.Where(i => i.OpCode.Code is Code.Ldloca or Code.Ldarga).Select(i => i.Operand).ToHashSet();
        TypeReference int32 = method.Module.TypeSystem.Int32;
        foreach (VariableDefinition local in body.Variables.ToArray())
        {
            if (local.VariableType.IsByReference && !local.IsPinned && !addressTaken.Contains(local))
            {
                _slots[local] = New();
            }
        }

        if (method.HasThis && method.DeclaringType.IsValueType)
        {
            // A struct's own method: 'this' is a pointer to the field or element the struct lives in, handed over by the
            // caller like a ref argument (a local's or a new temporary's is handed over by nobody: not checked).
            _slots[body.ThisParameter] = New();
            Parameters.Add((body.ThisParameter, _slots[body.ThisParameter]));
        }

        foreach (ParameterDefinition parameter in method.Parameters)
        {
            if (parameter.ParameterType.IsByReference && !addressTaken.Contains(parameter))
            {
                _slots[parameter] = New();
                Parameters.Add((parameter, _slots[parameter]));
            }
        }

        PointerTemps New() => new(edits.Temp(objectType), edits.Temp(nativeInt), edits.Temp(int32));
    }

    /// <summary>The followed <c>ref</c> parameters, whose targets arrive from the caller.</summary>
    public List<(ParameterDefinition Parameter, PointerTemps Temps)> Parameters { get; } = [];

    /// <summary>The companions of the local or parameter <paramref name="operand"/>, or null when it is not followed.</summary>
    public PointerTemps? Of(object? operand) => operand is not null && _slots.TryGetValue(operand, out PointerTemps? temps) ? temps : null;

    /// <summary>True when <paramref name="instruction"/> assigns a followed slot.</summary>
    public bool IsStore(Instruction instruction) =>
        instruction.OpCode.Code is Code.Stloc or Code.Starg && Of(instruction.Operand) is not null;
}
