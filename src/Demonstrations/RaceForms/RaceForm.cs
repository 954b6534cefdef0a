using System.Reflection;

namespace ActorConcurrency.Demonstrations.RaceForms;

/// <summary>One SharedState form as race mode checks it: its task, its name, the probe that drives it and the verdict it must get.</summary>
/// <param name="Task">The catalog task the form belongs to.</param>
/// <param name="Name">The form, as the table prints it.</param>
/// <param name="Probe">The static method of <see cref="RaceProbes"/> that drives it.</param>
/// <param name="ExpectRace">True when the form is broken and race mode must report a race.</param>
public sealed record RaceForm(int Task, string Name, MethodInfo Probe, bool ExpectRace);
