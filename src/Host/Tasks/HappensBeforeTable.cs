using ActorConcurrency.Demonstrations.HappensBefore;
using ActorConcurrency.RaceDetector.Reports;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 20 and the <c>hb</c> command print the quiz's record (<see cref="HappensBeforeExperiment"/>): for each scenario
/// the program, the two events' clocks, the verdict with the chain that justifies it (and every edge, with
/// <c>--edges</c>), then a summary table beside the exercise's answers.
/// </summary>
internal static class HappensBeforeTable
{
    public static void Print(IAnsiConsole console, HappensBeforeQuizResult result, bool showEdges)
    {
        var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Happens-before, decided by the clocks[/]")
            .AddColumns("#", "rule", "verdict (from vector clocks)", "races on a", "exercise's answer", "agrees");
        foreach (ScenarioVerdict scenario in result.Scenarios)
        {
            string form = scenario.ActorForm ? " (actor form)" : "";
            console.MarkupLine($"[bold]{scenario.Number}. {Markup.Escape(scenario.Title)}[/]{form}   [grey]{Markup.Escape(scenario.Program)}[/]");
            PrintAnswer(console, scenario.Answer);
            if (scenario.ExtraAnswer is { } extra && scenario.ExtraMeaning is { } meaning)
            {
                console.MarkupLine($"   [grey]also ({Markup.Escape(meaning)}):[/]");
                PrintAnswer(console, extra);
            }

            if (scenario.ValueRead is { } value)
            {
                console.MarkupLine($"   [grey]the actor read a = \"{Markup.Escape(value)}\" on an Akka dispatcher thread[/]");
            }

            if (showEdges)
            {
                foreach (string edge in scenario.Edges)
                {
                    console.MarkupLine($"     [grey]edge {Markup.Escape(edge)}[/]");
                }
            }

            string verdict = Short(scenario.Answer) + (scenario.ExtraAnswer is { } e ? $"; {Short(e)}" : string.Empty);
            summary.AddRow(
                scenario.Number.ToString(),
                Markup.Escape(scenario.Title),
                Markup.Escape(verdict),
                scenario.RacesOnA.ToString(),
                Markup.Escape(scenario.ExerciseAnswer),
                scenario.Agrees ? "[green]yes[/]" : "[red]no[/]");
        }

        console.Write(summary);
        console.MarkupLine("[grey]Untracked gates (plain ManualResetEventSlim) force real-time order where the story needs it; they create no edge, which is why 6 and 11 stay concurrent.[/]");
    }

    private static void PrintAnswer(IAnsiConsole console, ClockAnswer answer)
    {
        string colour = answer.Order == HappensBeforeOrder.Concurrent ? "yellow" : "green";
        console.MarkupLine(
            $"   clocks: {Markup.Escape(answer.First.Name)} = {Markup.Escape(answer.First.Thread)}@{answer.First.Clock} {Markup.Escape(answer.First.Knows)}, " +
            $"{Markup.Escape(answer.Second.Name)} = {Markup.Escape(answer.Second.Thread)}@{answer.Second.Clock} {Markup.Escape(answer.Second.Knows)}");
        console.MarkupLine($"   [{colour}]{Markup.Escape(answer.Verdict)}[/]: {Markup.Escape(answer.Justification)}");
    }

    private static string Short(ClockAnswer answer) => answer.Order switch
    {
        HappensBeforeOrder.FirstBeforeSecond => $"{answer.First.Name} → {answer.Second.Name}",
        HappensBeforeOrder.SecondBeforeFirst => $"{answer.Second.Name} → {answer.First.Name}",
        _ => $"{answer.First.Name} ∥ {answer.Second.Name}",
    } + (answer.Chain.Count > 0 ? $" via {string.Join(", ", answer.Chain)}" : answer.Order == HappensBeforeOrder.Concurrent ? " (no edge)" : string.Empty);
}
