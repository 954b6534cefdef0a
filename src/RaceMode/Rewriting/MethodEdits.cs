using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// The planned edits of one method body: code to run before and after an instruction, and temporaries. Edits are
/// applied after the whole body was analysed, so the analysis sees the original code. Code put before an
/// instruction takes over the instruction's identity (branches, handlers and sequence points that pointed at it
/// now point at the inserted code), so a jump to the instruction still runs the hook and finds the stack it expects.
/// </summary>
internal sealed class MethodEdits
{
    private readonly MethodBody _body;
    private readonly Dictionary<Instruction, List<Instruction>> _before = [];
    private readonly Dictionary<Instruction, List<Instruction>> _after = [];
    private readonly List<Instruction> _prologue = [];

    public MethodEdits(MethodBody body) => _body = body;

    public bool IsEmpty => _before.Count == 0 && _after.Count == 0 && _prologue.Count == 0;

    /// <summary>A new local of <paramref name="type"/>.</summary>
    public VariableDefinition Temp(TypeReference type)
    {
        var variable = new VariableDefinition(type);
        _body.Variables.Add(variable);
        _body.InitLocals = true;
        return variable;
    }

    /// <summary>Runs <paramref name="code"/> just before <paramref name="at"/> (before its prefix, if it has one).</summary>
    public void Before(Instruction at, params Instruction[] code)
    {
        Instruction target = at.Previous is { OpCode.OpCodeType: OpCodeType.Prefix } prefix ? prefix : at;
        if (!_before.TryGetValue(target, out List<Instruction>? list))
        {
            _before[target] = list = [];
        }

        list.AddRange(code);
    }

    /// <summary>Runs <paramref name="code"/> just after <paramref name="at"/>.</summary>
    public void After(Instruction at, params Instruction[] code)
    {
        if (!_after.TryGetValue(at, out List<Instruction>? list))
        {
            _after[at] = list = [];
        }

        // Later-planned code runs first after the instruction, so the innermost bracket closes first.
        list.InsertRange(0, code);
        if (at.Previous is { OpCode.Code: Code.Tail } tail)
        {
            // A tail call must be followed by ret; code after it needs a normal call.
            tail.OpCode = OpCodes.Nop;
        }
    }

    /// <summary>Runs <paramref name="code"/> after everything already planned after <paramref name="at"/>.</summary>
    public void AfterLast(Instruction at, params Instruction[] code)
    {
        if (!_after.TryGetValue(at, out List<Instruction>? list))
        {
            _after[at] = list = [];
        }

        list.AddRange(code);
    }

    /// <summary>Runs <paramref name="code"/> once on entry (no branch inside the body leads back to it).</summary>
    public void Prologue(params Instruction[] code) => _prologue.AddRange(code);

    /// <summary>Applies every planned edit.</summary>
    public void Apply()
    {
        ILProcessor il = _body.GetILProcessor();
        foreach ((Instruction at, List<Instruction> code) in _after)
        {
            Instruction cursor = at;
            foreach (Instruction instruction in code)
            {
                il.InsertAfter(cursor, instruction);
                cursor = instruction;
            }
        }

        foreach ((Instruction at, List<Instruction> code) in _before)
        {
            // The original instruction moves to a new object after the inserted code; the old object becomes the
            // first inserted instruction and keeps every reference to it.
            var moved = Instruction.Create(OpCodes.Nop);
            moved.OpCode = at.OpCode;
            moved.Operand = at.Operand;
            at.OpCode = code[0].OpCode;
            at.Operand = code[0].Operand;
            Instruction cursor = at;
            foreach (Instruction instruction in code.Skip(1).Append(moved))
            {
                il.InsertAfter(cursor, instruction);
                cursor = instruction;
            }
        }

        if (_prologue.Count > 0)
        {
            Instruction first = _body.Instructions[0];
            foreach (Instruction instruction in _prologue)
            {
                il.InsertBefore(first, instruction);
            }
        }
    }
}
