using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;
using Mono.Cecil.Cil;
using static ActorConcurrency.RaceMode.Rewriting.Il;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Plans the hooks of PLINQ (<see cref="PlinqHooks"/>): a <c>ParallelEnumerable</c> operator on a query gets its
/// delegates wrapped into the query's scope and its result bound to it; a terminal operator (one that returns no query)
/// is bracketed by the scope's start and finish; <c>ParallelQuery.GetEnumerator</c> starts it, and every
/// <c>IEnumerator.MoveNext</c> and <c>IDisposable.Dispose</c> of rewritten code reports to it (a cheap no-op until a
/// query was enumerated). <c>ForAll</c> is replaced as a loop (<see cref="ParallelHooks"/>).
/// </summary>
internal sealed class PlinqCalls
{
    private static readonly HashSet<string> s_queries = ["System.Linq.ParallelQuery`1", "System.Linq.OrderedParallelQuery`1", "System.Linq.ParallelQuery"];

    private readonly HookReferences _hooks;
    private readonly MethodEdits _edits;
    private readonly TypeReference _scopeType;

    public PlinqCalls(HookReferences hooks, MethodEdits edits)
    {
        _hooks = hooks;
        _edits = edits;
        _scopeType = hooks.PlinqScopeType;
    }

    /// <summary>Plans an operator call; false when <paramref name="call"/> is none (or cannot be planned).</summary>
    public bool PlanOperator(Instruction call, MethodReference method, string type, string name)
    {
        if (type != "System.Linq.ParallelEnumerable" || method.HasThis || name == "ForAll" || method.Parameters.Count == 0 ||
            GenericResolver.Resolve(method.Parameters[0].ParameterType, method) is not { } source || !IsQuery(source) ||
            GenericResolver.Resolve(method.ReturnType, method) is not { } result)
        {
            return false;
        }

        if (GenericResolver.Parameters(method) is not { } types || types.Any(t => t.IsByReference))
        {
            return false;
        }

        VariableDefinition[] temps = types.Select(t => _edits.Temp(t)).ToArray();
        VariableDefinition scope = _edits.Temp(_scopeType);
        var code = new List<Instruction>();
        for (int i = temps.Length - 1; i >= 0; i--)
        {
            code.Add(Stloc(temps[i]));
        }

        code.AddRange([Ldloc(temps[0]), Call(_hooks.Plinq(nameof(PlinqHooks.Scope))), Stloc(scope)]);
        bool terminal = !IsQuery(result) && result.GetElementType().FullName != "System.Collections.Generic.IEnumerable`1";
        if (terminal)
        {
            code.AddRange([Ldloc(scope), Call(_hooks.Plinq(nameof(PlinqHooks.Start)))]);
        }

        for (int i = 0; i < temps.Length; i++)
        {
            code.Add(Ldloc(temps[i]));
            if (Wrapper(types[i]) is { } wrap)
            {
                code.AddRange([Ldloc(scope), Call(wrap)]);
            }
        }

        _edits.Before(call, [.. code]);
        if (IsQuery(result))
        {
            _edits.After(call, Dup(), Ldloc(scope), Call(_hooks.Plinq(nameof(PlinqHooks.Bind))));
        }
        else if (terminal)
        {
            _edits.After(call, Ldloc(scope), Call(_hooks.Plinq(nameof(PlinqHooks.Finish))));
        }

        return true;
    }

    /// <summary>Plans the enumeration hooks of <paramref name="call"/> beside whatever else it gets; false when none.</summary>
    public bool PlanEnumeration(Instruction call, MethodReference method, string type, string name)
    {
        if (!method.HasThis || method.Parameters.Count > 0 || call.OpCode.Code == Code.Newobj)
        {
            return false;
        }

        if (name == "GetEnumerator" && s_queries.Contains(type))
        {
            VariableDefinition scope = _edits.Temp(_scopeType);
            _edits.Before(call, Dup(), Call(_hooks.Plinq(nameof(PlinqHooks.Scope))), Dup(), Stloc(scope), Call(_hooks.Plinq(nameof(PlinqHooks.Start))));
            _edits.After(call, Dup(), Ldloc(scope), Call(_hooks.Plinq(nameof(PlinqHooks.Enumerating))));
            return true;
        }

        if (name == "MoveNext" && type == "System.Collections.IEnumerator")
        {
            VariableDefinition enumerator = _edits.Temp(_hooks.ObjectType);
            _edits.Before(call, Dup(), Stloc(enumerator));
            _edits.After(call, Dup(), Ldloc(enumerator), Call(_hooks.Plinq(nameof(PlinqHooks.Moved))));
            return true;
        }

        if (name == "Dispose" && type == "System.IDisposable")
        {
            _edits.Before(call, Dup(), Call(_hooks.Plinq(nameof(PlinqHooks.Disposing))));
            return true;
        }

        return false;
    }

    private static bool IsQuery(TypeReference type) => s_queries.Contains(type.GetElementType().FullName);

    /// <summary>The hook that wraps a delegate of <paramref name="type"/> into the scope, or null for any other parameter.</summary>
    private MethodReference? Wrapper(TypeReference type)
    {
        if (type is not GenericInstanceType generic || generic.ElementType.FullName is not ("System.Func`1" or "System.Func`2" or "System.Func`3" or "System.Func`4"))
        {
            return null;
        }

        var wrap = new GenericInstanceMethod(_hooks.Plinq($"Func{generic.GenericArguments.Count}"));
        foreach (TypeReference argument in generic.GenericArguments)
        {
            wrap.GenericArguments.Add(argument);
        }

        return wrap;
    }
}
