using Mono.Cecil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>Closes a member's declared type over the generic arguments of the call site (<c>!0</c>, <c>!!0</c> → real types).</summary>
internal static class GenericResolver
{
    /// <summary>The type of a parameter or return of <paramref name="call"/>, or null when it cannot be closed.</summary>
    public static TypeReference? Resolve(TypeReference type, MethodReference call)
    {
        var typeArguments = call.DeclaringType as GenericInstanceType;
        var methodArguments = call as GenericInstanceMethod;
        return Resolve(type, typeArguments, methodArguments);
    }

    /// <summary>The types of <paramref name="call"/>'s parameters, closed at the call site, or null when one cannot be closed.</summary>
    public static TypeReference[]? Parameters(MethodReference call)
    {
        var types = new TypeReference[call.Parameters.Count];
        for (int i = 0; i < types.Length; i++)
        {
            if (Resolve(call.Parameters[i].ParameterType, call) is not { } resolved)
            {
                return null;
            }

            types[i] = resolved;
        }

        return types;
    }

    private static TypeReference? Resolve(TypeReference type, GenericInstanceType? typeArguments, GenericInstanceMethod? methodArguments)
    {
        switch (type)
        {
            case GenericParameter parameter when parameter.Type == GenericParameterType.Type:
                return typeArguments is not null && parameter.Position < typeArguments.GenericArguments.Count
                    ? typeArguments.GenericArguments[parameter.Position]
                    : null;
            case GenericParameter parameter:
                return methodArguments is not null && parameter.Position < methodArguments.GenericArguments.Count
                    ? methodArguments.GenericArguments[parameter.Position]
                    : null;
            case ByReferenceType byRef:
                return Resolve(byRef.ElementType, typeArguments, methodArguments) is { } element ? new ByReferenceType(element) : null;
            case ArrayType array:
                return Resolve(array.ElementType, typeArguments, methodArguments) is { } item ? new ArrayType(item, array.Rank) : null;
            case GenericInstanceType generic:
                var closed = new GenericInstanceType(generic.ElementType);
                foreach (TypeReference argument in generic.GenericArguments)
                {
                    if (Resolve(argument, typeArguments, methodArguments) is not { } resolved)
                    {
                        return null;
                    }

                    closed.GenericArguments.Add(resolved);
                }

                return closed;
            case TypeSpecification:
                return null;
            default:
                return type;
        }
    }
}
