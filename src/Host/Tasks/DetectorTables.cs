using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Counters;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>The race detector's sections of tasks 1 and 4, printed from their records, and the report and summary every detector section prints (task 11's too).</summary>
internal static class DetectorTables
{
    /// <summary>Task 1: the racy counter free-running and serialised, both reported.</summary>
    public static void Print(IAnsiConsole console, RacyCounterDetection detection)
    {
        console.MarkupLine($"[bold]Under the race detector[/] (happens-before, vector clocks): counter++ from {detection.Tasks} logical threads.");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("run", "total", "expected", "distinct races (site pairs)", "racing access pairs seen");
        foreach ((string name, DetectorRun run) in new[] { ("free-running", detection.FreeRunning), ("serialised by an untracked semaphore", detection.Serialised) })
        {
            table.AddRow(name, run.Total.ToString(), detection.Tasks.ToString(), RaceCount(run.Races), run.Detections.ToString());
        }

        console.Write(table);
        Print(console, detection.Report);
    }

    /// <summary>Tasks 2–4's fixes with tracked primitives: no race for any.</summary>
    public static void Print(IAnsiConsole console, TrackedCounterDetection detection)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("form, under the detector", "total", "expected", "races reported");
        foreach (TrackedCounterRow row in detection.Forms)
        {
            table.AddRow(Markup.Escape(row.Form), row.Total.ToString(), detection.Tasks.ToString(), RaceCount(row.Races, expectRace: false));
        }

        console.Write(table);
    }

    /// <summary>One report (when there is a race) and the detector's summary line.</summary>
    public static void Print(IAnsiConsole console, DetectorReport report)
    {
        if (report.Shown is { } shown)
        {
            console.MarkupLine($"[grey]One report ({report.Distinct} distinct in all):[/]");
            console.WriteLine(shown);
        }

        console.MarkupLine($"[bold]{Markup.Escape(report.Summary)}[/]");
    }

    /// <summary>A race count, green when it is what the program predicts (a race, or none).</summary>
    public static string RaceCount(int races, bool expectRace = true) =>
        (races > 0) == expectRace ? $"[green]{races}[/]" : $"[red]{races}[/]";
}
