using ActorConcurrency.Host.Catalog;
using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;
using Spectre.Console;

namespace ActorConcurrency.Host.Race;

/// <summary>
/// The tour's race-mode view: the plain (untracked) SharedState code of a task, rewritten and run under race
/// mode beside the hand-tracked version the task already shows. Prints each form's verdict and the first report.
/// </summary>
internal static class RaceModeSection
{
    public static DemoOutcome Print(DemoContext context, params string[] formNames)
    {
        context.Console.MarkupLine("[bold]Race mode[/]: the same plain code, rewritten (no tracked types), under the detector:");
        using RaceSandbox sandbox = RaceCatalog.CreateSandbox();
        var verdicts = new List<string>();
        bool held = true;
        foreach (string name in formNames)
        {
            RaceForm form = RaceCatalog.Forms.Single(f => f.Name == name);
            RaceRun run = RaceCatalog.Run(sandbox, form);
            held &= run.HasRaces == form.ExpectRace;
            string verdict = run.HasRaces ? run.Summary : "no race";
            verdicts.Add($"{name}: {verdict}");
            context.Console.MarkupLine($"  {Markup.Escape(name)}: [bold]{Markup.Escape(verdict)}[/] (expected {(form.ExpectRace ? "a race" : "none")})");
            if (run.Races.Count > 0)
            {
                context.Console.WriteLine(run.Races[0].Format());
            }
        }

        return new DemoOutcome(held, "race mode: " + string.Join(", ", verdicts));
    }
}
