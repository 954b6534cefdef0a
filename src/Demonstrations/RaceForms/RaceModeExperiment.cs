using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Demonstrations.RaceForms;

/// <summary>
/// The race-mode part of tasks 1 and 20: the plain (untracked) SharedState code of a task, rewritten and run under race
/// mode beside the hand-tracked version the task already shows; one verdict per form.
/// </summary>
public static class RaceModeExperiment
{
    /// <summary>Runs the forms named <paramref name="formNames"/> (names of <see cref="RaceProbes"/>) once each under race mode.</summary>
    public static RaceModeResult Run(params string[] formNames)
    {
        using RaceSandbox sandbox = RaceCatalog.CreateSandbox();
        return new RaceModeResult([.. formNames.Select(name =>
        {
            RaceForm form = RaceCatalog.Forms.Single(f => f.Name == name);
            RaceRun run = RaceCatalog.Run(sandbox, form);
            return new RaceModeVerdict(name, form.ExpectRace, run.Races.Count, run.Summary, run.Races.Count > 0 ? run.Races[0].Format() : null);
        })]);
    }
}
