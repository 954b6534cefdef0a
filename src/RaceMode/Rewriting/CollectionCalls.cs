using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;
using Mono.Cecil.Cil;
using static ActorConcurrency.RaceMode.Rewriting.Il;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Plans the checks of calls on framework collections (<see cref="CheckedCollections"/>): before the call, the
/// receiver is checked as a read or write of the collection (<see cref="CollectionHooks"/>), and a collection passed
/// as an argument to a method that reads it (<c>AddRange(other)</c>, <c>Enumerable.*</c>, <c>string.Join</c>, a
/// collection constructor) as a read. Calls through the collection interfaces are checked at run time, when the
/// object behind them turns out to be a checked collection.
/// </summary>
internal sealed class CollectionCalls
{
    private static readonly HashSet<string> s_interfaces =
    [
        "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1", "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.ISet`1", "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Generic.IReadOnlySet`1", "System.Collections.Generic.IEnumerable`1",
        "System.Collections.Generic.IEnumerator`1", "System.Collections.IEnumerable", "System.Collections.IEnumerator", "System.Collections.ICollection",
        "System.Collections.IList", "System.Collections.IDictionary",
    ];

    /// <summary>Static helpers whose collection arguments are only read.</summary>
    private static readonly HashSet<string> s_readers = ["System.Linq.Enumerable", "System.String"];

    /// <summary>Static helpers on a collection (their first argument) and the ones among them that write it.</summary>
    private static readonly Dictionary<string, HashSet<string>> s_extensions = new(StringComparer.Ordinal)
    {
        ["System.Collections.Generic.CollectionExtensions"] = ["TryAdd", "Remove", "AddRange", "InsertRange"],
        ["System.Runtime.InteropServices.CollectionsMarshal"] = ["SetCount", "GetValueRefOrAddDefault"],
    };

    private readonly HookReferences _hooks;
    private readonly MethodEdits _edits;
    private readonly MethodInstrumenter _owner;

    public CollectionCalls(HookReferences hooks, MethodEdits edits, MethodInstrumenter owner)
    {
        _hooks = hooks;
        _edits = edits;
        _owner = owner;
    }

    /// <summary>Plans the checks of <paramref name="call"/>; false when it is no call on a collection.</summary>
    public bool Plan(Instruction call, MethodReference method, string type, string name)
    {
        bool newobj = call.OpCode.Code == Code.Newobj;
        if (CheckedCollections.IsChecked(type))
        {
            if (newobj || !method.HasThis)
            {
                return newobj && PlanArguments(call, method, receiver: null, ReadsArguments(method));
            }

            if (method.DeclaringType.IsValueType)
            {
                return PlanEnumerator(call, method, name);
            }

            string hook = type.Contains('/') ? nameof(CollectionHooks.ReadView)
                : CheckedCollections.Writes(type, name) ? nameof(CollectionHooks.Write) : nameof(CollectionHooks.Read);
            return PlanArguments(call, method, (hook, Site(call, method, name)), ReadsArguments(method));
        }

        if (s_interfaces.Contains(type) && method.HasThis && !newobj)
        {
            return PlanArguments(call, method, (nameof(CollectionHooks.Interface), Site(call, method, name)), arguments: false);
        }

        if (method.HasThis || newobj)
        {
            return false;
        }

        if (s_readers.Contains(type))
        {
            return PlanArguments(call, method, receiver: null, ReadsArguments(method));
        }

        if (s_extensions.TryGetValue(type, out HashSet<string>? writes) && method.Parameters.Count > 0)
        {
            string hook = writes.Contains(name) ? nameof(CollectionHooks.Write) : nameof(CollectionHooks.Read);
            return PlanArguments(call, method, (hook, Site(call, method, name)), arguments: false);
        }

        return false;
    }

    private int Site(Instruction call, MethodReference method, string name) =>
        _owner.Site(call, AccessNames.TypeName(method.DeclaringType.GetElementType()), name);

    /// <summary>Whether the call's collection arguments are checked as reads (<see cref="CollectionHooks.ReadArgument"/>).</summary>
    private static bool ReadsArguments(MethodReference method) => method.Parameters.Any(p => MayHoldCollection(p.ParameterType));

    /// <summary>A struct enumerator's member (<c>MoveNext</c>, <c>Current</c>): a read of its collection, through the receiver's address.</summary>
    private bool PlanEnumerator(Instruction call, MethodReference method, string name)
    {
        if (method.Parameters.Count > 0)
        {
            return false;
        }

        var hook = new GenericInstanceMethod(_hooks.Collection(nameof(CollectionHooks.ReadEnumerator)));
        hook.GenericArguments.Add(method.DeclaringType);
        _edits.Before(call, Dup(), LdcI4(Site(call, method, name)), Call(hook));
        return true;
    }

    /// <summary>
    /// Stores the call's operands in temporaries, checks the receiver with <paramref name="receiver"/>'s hook and, when
    /// <paramref name="arguments"/>, the arguments that may hold a collection as reads, then loads the operands back.
    /// </summary>
    private bool PlanArguments(Instruction call, MethodReference method, (string Hook, int Site)? receiver, bool arguments)
    {
        bool hasThis = method.HasThis && call.OpCode.Code != Code.Newobj;
        if (receiver is null && !arguments)
        {
            return false;
        }

        var types = new List<TypeReference>();
        if (hasThis)
        {
            types.Add(method.DeclaringType);
        }

        if (GenericResolver.Parameters(method) is not { } parameters)
        {
            return false;
        }

        types.AddRange(parameters);

        if (types.Count == 1 && hasThis && receiver is { } only)
        {
            // The receiver alone is on the stack: check a copy of it.
            _edits.Before(call, Dup(), LdcI4(only.Site), Call(_hooks.Collection(only.Hook)));
            return true;
        }

        VariableDefinition[] temps = types.Select(t => _edits.Temp(t)).ToArray();
        var code = new List<Instruction>();
        for (int i = temps.Length - 1; i >= 0; i--)
        {
            code.Add(Stloc(temps[i]));
        }

        if (receiver is { } checkReceiver)
        {
            code.AddRange([Ldloc(temps[0]), LdcI4(checkReceiver.Site), Call(_hooks.Collection(checkReceiver.Hook))]);
        }

        if (arguments)
        {
            int first = hasThis ? 1 : 0;
            int site = Site(call, method, method.Name);
            for (int i = first; i < temps.Length; i++)
            {
                if (MayHoldCollection(types[i]) && (receiver is null || hasThis || i > 0))
                {
                    code.AddRange([Ldloc(temps[i]), LdcI4(site), Call(_hooks.Collection(nameof(CollectionHooks.ReadArgument)))]);
                }
            }
        }

        code.AddRange(temps.Select(Ldloc));
        _edits.Before(call, [.. code]);
        return true;
    }

    /// <summary>A reference type that a checked collection or an array could be passed as.</summary>
    private static bool MayHoldCollection(TypeReference type)
    {
        if (type.IsByReference || type.IsValueType || type.IsGenericParameter)
        {
            return false;
        }

        if (type.IsArray)
        {
            return true;
        }

        string name = type.GetElementType().FullName;
        return s_interfaces.Contains(name) || CheckedCollections.IsChecked(name) || name == "System.Array";
    }
}
