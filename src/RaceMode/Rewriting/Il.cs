using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>The few instructions the instrumenters create, by name (<c>using static</c> them).</summary>
internal static class Il
{
    public static Instruction Dup() => Instruction.Create(OpCodes.Dup);

    public static Instruction LdcI4(int value) => Instruction.Create(OpCodes.Ldc_I4, value);

    public static Instruction Stloc(VariableDefinition variable) => Instruction.Create(OpCodes.Stloc, variable);

    public static Instruction Ldloc(VariableDefinition variable) => Instruction.Create(OpCodes.Ldloc, variable);

    public static Instruction Ldloca(VariableDefinition variable) => Instruction.Create(OpCodes.Ldloca, variable);

    public static Instruction Call(MethodReference method) => Instruction.Create(OpCodes.Call, method);
}
