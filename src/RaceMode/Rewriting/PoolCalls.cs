using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;
using Mono.Cecil.Cil;
using static ActorConcurrency.RaceMode.Rewriting.Il;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>Plans the hand-over edges of pools (<c>ArrayPool&lt;T&gt;</c>, <c>ObjectPool&lt;T&gt;</c>), see <see cref="Plan"/>.</summary>
internal sealed class PoolCalls
{
    private readonly HookReferences _hooks;
    private readonly MethodEdits _edits;

    public PoolCalls(HookReferences hooks, MethodEdits edits)
    {
        _hooks = hooks;
        _edits = edits;
    }

    /// <summary>
    /// A pool's <c>Return</c> releases into the buffer or object given back; its <c>Rent</c> or <c>Get</c> acquires the one
    /// it hands out: what the last user did to it happens before the next user gets it (the pool's own synchronisation,
    /// which race mode does not see, orders them).
    /// </summary>
    public void Plan(Instruction call, MethodReference method, string name)
    {
        if (name is "Rent" or "Get")
        {
            if (GenericResolver.Resolve(method.ReturnType, method) is not { } item)
            {
                return;
            }

            _edits.After(call, [Dup(), .. Boxed(item), Instruction.Create(OpCodes.Call, _hooks.Sync(nameof(SyncHooks.Acquire)))]);
            return;
        }

        // Return(item[, clearArray]): the arguments after the item are set aside while the item is released.
        if (GenericResolver.Parameters(method) is not { Length: > 0 } types)
        {
            return;
        }

        VariableDefinition[] rest = [.. types.Skip(1).Select(_edits.Temp)];
        var code = new List<Instruction>();
        code.AddRange(rest.Reverse().Select(Stloc));
        code.Add(Dup());
        code.AddRange(Boxed(types[0]));
        code.Add(Instruction.Create(OpCodes.Call, _hooks.Sync(nameof(SyncHooks.Release))));
        code.AddRange(rest.Select(Ldloc));
        _edits.Before(call, [.. code]);
    }

    /// <summary>What turns a value of <paramref name="type"/> into an object reference (a generic parameter is boxed; a class is one already).</summary>
    private static Instruction[] Boxed(TypeReference type) => type.IsGenericParameter ? [Instruction.Create(OpCodes.Box, type)] : [];
}
