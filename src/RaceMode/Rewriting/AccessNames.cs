using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Reports;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>How reports name what the rewriter instruments: locations (<c>Type.field</c>, <c>Int32[]</c>) and methods.</summary>
internal static class AccessNames
{
    private static readonly ConditionalWeakTable<TypeDefinition, MethodDefinition?> s_creators = [];

    public static string ElementName(Instruction instruction) => instruction.Operand is TypeReference type
        ? $"{type.Name}[]"
        : instruction.OpCode.Code switch
        {
            Code.Ldelem_Ref or Code.Stelem_Ref => "Object[]",
            Code.Ldelem_I4 or Code.Stelem_I4 or Code.Ldelem_U4 => "Int32[]",
            Code.Ldelem_I8 or Code.Stelem_I8 => "Int64[]",
            _ => "[]".Insert(0, instruction.OpCode.Name.Split('.').Last()),
        };

    /// <summary>
    /// <c>Type.field</c>; a local captured by a lambda (a field of the compiler's closure class) is named after the method
    /// whose local it is, as the user wrote it: <c>Program.Main.total</c>, not <c>&lt;&gt;c__DisplayClass0_0.total</c>.
    /// </summary>
    public static string FieldName(FieldReference field) =>
        field.DeclaringType.Name.StartsWith("<>c__DisplayClass", StringComparison.Ordinal) && CapturedBy(field.DeclaringType) is { } method
            ? $"{MemberName(method)}.{field.Name}"
            : $"{TypeName(field.DeclaringType)}.{field.Name}";

    public static string TypeName(TypeReference type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    /// <summary>The method that creates closure class <paramref name="closure"/> (whose locals it holds), or null.</summary>
    private static MethodDefinition? CapturedBy(TypeReference closure)
    {
        if (closure.Resolve() is not { DeclaringType: { } outer } definition)
        {
            return null;
        }

        lock (s_creators)
        {
            if (!s_creators.TryGetValue(definition, out MethodDefinition? creator))
            {
                creator = Methods(outer).FirstOrDefault(m => m.HasBody && m.Body.Instructions.Any(i =>
                    i.OpCode.Code == Code.Newobj && i.Operand is MethodReference ctor && ctor.DeclaringType.Resolve() == definition));
                s_creators.Add(definition, creator);
            }

            return creator;
        }
    }

    /// <summary>The methods of <paramref name="type"/> and of the types nested in it (the closures of its lambdas).</summary>
    private static IEnumerable<MethodDefinition> Methods(TypeDefinition type) =>
        type.Methods.Concat(type.NestedTypes.SelectMany(Methods));

    /// <summary>
    /// <c>Type.Method</c> as the user wrote it (<see cref="FriendlyNames.Member"/>): a lambda, local function, async method
    /// or iterator is named after the method it is written in (<c>Program.Main.lambda</c>, not
    /// <c>Program.&lt;&gt;c__DisplayClass0_0.&lt;&lt;Main&gt;$&gt;b__1</c>); nested types are joined by dots.
    /// </summary>
    public static string MemberName(MethodDefinition method)
    {
        string name = method.Name;
        for (TypeDefinition? type = method.DeclaringType; type is not null; type = type.DeclaringType)
        {
            name = $"{TypeName(type)}.{name}";
        }

        return FriendlyNames.Member(name);
    }
}
