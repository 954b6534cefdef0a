using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Finds the instruction that consumes the value an instruction pushes, by walking forward through straight-line
/// code and counting what each instruction pops and pushes. It gives up (null) at a branch, a branch target or an
/// instruction whose stack effect it does not know: an access it cannot place is left unchecked, never guessed.
/// </summary>
internal static class StackScanner
{
    /// <summary>The consumer of the value <paramref name="producer"/> pushes, and which of its operands it is (0 = deepest).</summary>
    /// <remarks><paramref name="depth"/> 2 follows the lower of the two copies a <c>dup</c> pushes.</remarks>
    public static (Instruction Consumer, int Operand)? FindConsumer(Instruction producer, ISet<Instruction> branchTargets, int depth = 1)
    {
        Instruction? joined = null;
        for (Instruction? next = producer.Next; next is not null; next = next.Next)
        {
            if (branchTargets.Contains(next) && next != joined)
            {
                return null;
            }

            if (CachedDelegateJoin(next) is { } join)
            {
                // The compiler's cached delegate (a static lambda or method group): pushes one delegate on both paths.
                depth++;
                joined = join;
                next = join.Previous;
                continue;
            }

            if (next.OpCode.Code == Code.Ret)
            {
                // ret pops the return value, the only value left on a valid stack.
                return depth == 1 ? (next, 0) : null;
            }

            if (Effect(next) is not (int pop, int push))
            {
                return null;
            }

            if (pop >= depth)
            {
                return (next, pop - depth);
            }

            depth += push - pop;
            if (next.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Where the compiler's delegate cache <c>ldsfld F; dup; brtrue L; pop; … newobj; dup; stsfld F; L:</c> that starts
    /// at <paramref name="load"/> joins again (L), or null when <paramref name="load"/> does not start one.
    /// </summary>
    private static Instruction? CachedDelegateJoin(Instruction load) =>
        load is { OpCode.Code: Code.Ldsfld, Operand: FieldReference field } &&
        load.Next is { OpCode.Code: Code.Dup } dup &&
        dup.Next is { OpCode.Code: Code.Brtrue or Code.Brtrue_S, Operand: Instruction join } &&
        join.Previous is { OpCode.Code: Code.Stsfld, Operand: FieldReference stored } &&
        stored.FullName == field.FullName && join.Offset > load.Offset
            ? join
            : null;

    /// <summary>Every instruction some branch, switch or exception handler can jump to.</summary>
    public static HashSet<Instruction> BranchTargets(MethodBody body)
    {
        var targets = new HashSet<Instruction>();
        foreach (Instruction instruction in body.Instructions)
        {
            switch (instruction.Operand)
            {
                case Instruction target:
                    targets.Add(target);
                    break;
                case Instruction[] cases:
                    targets.UnionWith(cases);
                    break;
            }
        }

        foreach (ExceptionHandler handler in body.ExceptionHandlers)
        {
            foreach (Instruction? edge in new[] { handler.TryStart, handler.TryEnd, handler.HandlerStart, handler.HandlerEnd, handler.FilterStart })
            {
                if (edge is not null)
                {
                    targets.Add(edge);
                }
            }
        }

        return targets;
    }

    /// <summary>How many values <paramref name="instruction"/> pops and pushes, or null when that is not fixed.</summary>
    public static (int Pop, int Push)? Effect(Instruction instruction)
    {
        OpCode op = instruction.OpCode;
        if (op.OpCodeType == OpCodeType.Prefix)
        {
            return (0, 0);
        }

        int pop;
        if (op.StackBehaviourPop == StackBehaviour.Varpop)
        {
            if (instruction.Operand is not MethodReference method || op.Code == Code.Calli)
            {
                return null;
            }

            pop = method.Parameters.Count + (method.HasThis && op.Code != Code.Newobj ? 1 : 0);
        }
        else if (PopCount(op.StackBehaviourPop) is int fixedPop)
        {
            pop = fixedPop;
        }
        else
        {
            return null;
        }

        int push;
        if (op.StackBehaviourPush == StackBehaviour.Varpush)
        {
            if (instruction.Operand is not MethodReference method)
            {
                return null;
            }

            push = op.Code == Code.Newobj || method.ReturnType.MetadataType != MetadataType.Void ? 1 : 0;
        }
        else
        {
            push = op.StackBehaviourPush switch
            {
                StackBehaviour.Push0 => 0,
                StackBehaviour.Push1_push1 => 2,
                _ => 1,
            };
        }

        return (pop, push);
    }

    private static int? PopCount(StackBehaviour behaviour) => behaviour switch
    {
        StackBehaviour.Pop0 => 0,
        StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
        StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8 or
            StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi => 2,
        StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8 or
            StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref => 3,
        _ => null,
    };
}
