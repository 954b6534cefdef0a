using ActorConcurrency.Demonstrations;
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
    /// <summary>Runs the forms named <paramref name="formNames"/> under race mode, under a heading, and prints each verdict.</summary>
    public static RaceModeResult Print(IAnsiConsole console, params string[] formNames)
    {
        console.MarkupLine("[bold]Race mode[/]: the same plain code, rewritten (no tracked types), under the detector:");
        RaceModeResult result = Run(formNames);
        foreach (RaceModeVerdict form in result.Forms)
        {
            console.MarkupLine($"  {Markup.Escape(form.Form)}: [bold]{Markup.Escape(form.Verdict)}[/] (expected {(form.ExpectRace ? "a race" : "none")})");
            if (form.FirstReport is { } report)
            {
                console.WriteLine(report);
            }
        }

        return result;
    }

    private static RaceModeResult Run(string[] formNames)
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
