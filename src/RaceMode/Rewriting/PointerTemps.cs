using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>The three locals that carry a pointer's target: its owner object, element index and target number.</summary>
internal sealed record PointerTemps(VariableDefinition Owner, VariableDefinition Index, VariableDefinition Target);
