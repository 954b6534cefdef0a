using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>How reports name what the rewriter instruments: locations (<c>Type.field</c>, <c>Int32[]</c>) and methods.</summary>
internal static class AccessNames
{
    public static string ElementName(Instruction instruction) => instruction.Operand is TypeReference type
        ? $"{type.Name}[]"
        : instruction.OpCode.Code switch
        {
            Code.Ldelem_Ref or Code.Stelem_Ref => "Object[]",
            Code.Ldelem_I4 or Code.Stelem_I4 or Code.Ldelem_U4 => "Int32[]",
            Code.Ldelem_I8 or Code.Stelem_I8 => "Int64[]",
            _ => "[]".Insert(0, instruction.OpCode.Name.Split('.').Last()),
        };

    public static string FieldName(FieldReference field) => $"{TypeName(field.DeclaringType)}.{field.Name}";

    public static string TypeName(TypeReference type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    /// <summary><c>Type.Method</c>, with a state machine or closure named after the method it came from.</summary>
    public static string MemberName(MethodDefinition method)
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
}
