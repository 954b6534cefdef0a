using System.Reflection;
using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>The runtime hooks, imported into the module being rewritten (found by name and parameter types).</summary>
internal sealed class HookReferences
{
    private readonly ModuleDefinition _module;
    private readonly Dictionary<string, MethodReference> _cache = [];

    public HookReferences(ModuleDefinition module)
    {
        _module = module;
        ObjectType = module.TypeSystem.Object;
        Int32Type = module.TypeSystem.Int32;
        AsyncScopeType = module.ImportReference(typeof(AsyncScope));
        PlinqScopeType = module.ImportReference(typeof(PlinqScope));
        TypeFromHandle = module.ImportReference(typeof(Type).GetMethod(nameof(Type.GetTypeFromHandle))!);
    }

    public TypeReference ObjectType { get; }

    public TypeReference Int32Type { get; }

    public TypeReference AsyncScopeType { get; }

    public TypeReference PlinqScopeType { get; }

    public MethodReference TypeFromHandle { get; }

    /// <summary>The memory hook <paramref name="name"/> of <see cref="RaceHooks"/>.</summary>
    public MethodReference Memory(string name) => Get(typeof(RaceHooks), name, null);

    /// <summary>The synchronisation hook <paramref name="name"/> of <see cref="SyncHooks"/>.</summary>
    public MethodReference Sync(string name) => Get(typeof(SyncHooks), name, null);

    /// <summary>The collection hook <paramref name="name"/> of <see cref="CollectionHooks"/>.</summary>
    public MethodReference Collection(string name) => Get(typeof(CollectionHooks), name, null);

    /// <summary>The pointer hook <paramref name="name"/> of <see cref="RefHooks"/>.</summary>
    public MethodReference Ref(string name) => Get(typeof(RefHooks), name, null);

    /// <summary>The PLINQ hook <paramref name="name"/> of <see cref="PlinqHooks"/>.</summary>
    public MethodReference Plinq(string name) => Get(typeof(PlinqHooks), name, null);

    /// <summary>The async hook <paramref name="name"/> of <see cref="AsyncHooks"/>.</summary>
    public MethodReference Async(string name) => Get(typeof(AsyncHooks), name, null);

    /// <summary>
    /// The hook of <paramref name="hooks"/> called <paramref name="name"/> whose parameters match
    /// <paramref name="parameters"/> by their (open) type names, or null when there is none.
    /// </summary>
    public MethodReference? Match(Type hooks, string name, IReadOnlyList<string> parameters, int genericArity)
    {
        string key = $"{hooks.Name}.{name}({string.Join(',', parameters)})`{genericArity}";
        if (_cache.TryGetValue(key, out MethodReference? cached))
        {
            return cached;
        }

        MethodInfo? found = hooks.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m =>
            m.Name == name && m.GetGenericArguments().Length == genericArity &&
            m.GetParameters().Select(p => ShapeName(p.ParameterType)).SequenceEqual(parameters));
        if (found is null)
        {
            return null;
        }

        MethodReference imported = _module.ImportReference(found);
        _cache[key] = imported;
        return imported;
    }

    /// <summary>A type's shape for matching: its name without namespace or generic arguments, with &amp; for refs.</summary>
    public static string ShapeName(Type type)
    {
        if (type.IsByRef)
        {
            return ShapeName(type.GetElementType()!) + "&";
        }

        if (type.IsGenericParameter)
        {
            return "T";
        }

        if (type.IsSZArray)
        {
            return ShapeName(type.GetElementType()!) + "[]";
        }

        string name = type.IsNested ? $"{type.DeclaringType!.Name}.{type.Name}" : type.Name;
        return type.IsGenericType ? $"{name}<{string.Join(',', type.GetGenericArguments().Select(ShapeName))}>" : name;
    }

    /// <summary>The same shape for a Cecil type reference.</summary>
    public static string ShapeName(TypeReference type)
    {
        switch (type)
        {
            case ByReferenceType byRef:
                return ShapeName(byRef.ElementType) + "&";
            case GenericParameter:
                return "T";
            case ArrayType { IsVector: true } array:
                // A method reference's generic parameters may be named !!0: T[] is matched by its element.
                return ShapeName(array.ElementType) + "[]";
            case GenericInstanceType generic:
                return $"{ShapeName(generic.ElementType)}<{string.Join(',', generic.GenericArguments.Select(ShapeName))}>";
            default:
                return type.IsNested ? $"{type.DeclaringType.Name}.{type.Name}" : type.Name;
        }
    }

    private MethodReference Get(Type hooks, string name, Type[]? parameters)
    {
        string key = $"{hooks.Name}.{name}";
        if (_cache.TryGetValue(key, out MethodReference? cached))
        {
            return cached;
        }

        MethodInfo method = parameters is null ? hooks.GetMethod(name, BindingFlags.Public | BindingFlags.Static)! : hooks.GetMethod(name, parameters)!;
        MethodReference imported = _module.ImportReference(method);
        _cache[key] = imported;
        return imported;
    }
}
