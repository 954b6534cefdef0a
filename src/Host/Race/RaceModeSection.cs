using ActorConcurrency.Demonstrations.RaceForms;
using Spectre.Console;

namespace ActorConcurrency.Host.Race;

/// <summary>
/// The tour's race-mode view (<see cref="RaceModeExperiment"/>): prints each form's verdict and the first report.
/// </summary>
internal static class RaceModeSection
{
    /// <summary>Runs the forms named <paramref name="formNames"/> under race mode, under a heading, and prints each verdict.</summary>
    public static RaceModeResult Print(IAnsiConsole console, params string[] formNames)
    {
        console.MarkupLine("[bold]Race mode[/]: the same plain code, rewritten (no tracked types), under the detector:");
        RaceModeResult result = RaceModeExperiment.Run(formNames);
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

}
