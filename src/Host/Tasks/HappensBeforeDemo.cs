using ActorConcurrency.Actors.HappensBefore;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.RaceDetector.Quiz;
using ActorConcurrency.RaceDetector.Reports;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 20 and the <c>hb</c> command: runs quiz scenarios under the detector and prints, for each, the
/// verdict computed from the two events' vector clocks, the chain of edges that justifies it, the races
/// found on the variable the events touch, and the exercise's answer beside it.
/// </summary>
internal static class HappensBeforeDemo
{
    /// <summary>The number <c>hb</c> uses for the actor scenario (after the quiz's seven, before the select ones).</summary>
    public const int ActorScenario = 8;

    /// <summary>The highest scenario number (the select scenarios follow the actor).</summary>
    public static int LastScenario => Math.Max(ActorScenario, HappensBeforeQuiz.Scenarios.Max(s => s.Number));

    /// <summary>Runs <paramref name="numbers"/> (1–7 quiz, 8 actor, 9–11 select) and returns the tour outcome.</summary>
    public static DemoOutcome Print(DemoContext context, IReadOnlyList<int> numbers, bool showEdges)
    {
        var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Happens-before, decided by the clocks[/]")
            .AddColumns("#", "rule", "verdict (from vector clocks)", "races on a", "exercise's answer", "agrees");
        int agreeing = 0;
        foreach (int number in numbers)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            bool agrees = number == ActorScenario
                ? PrintActor(context, summary)
                : PrintQuiz(context, HappensBeforeQuiz.Run(HappensBeforeQuiz.Get(number)), summary, showEdges);
            agreeing += agrees ? 1 : 0;
        }

        context.Console.Write(summary);
        context.Console.MarkupLine("[grey]Untracked gates (plain ManualResetEventSlim) force real-time order where the story needs it; they create no edge, which is why 6 and 11 stay concurrent.[/]");
        return new DemoOutcome(agreeing == numbers.Count, $"{agreeing}/{numbers.Count} verdicts computed from the clocks agree with the exercise");
    }

    private static bool PrintQuiz(DemoContext context, QuizResult result, Table summary, bool showEdges)
    {
        QuizScenario scenario = result.Scenario;
        context.Console.MarkupLine($"[bold]{scenario.Number}. {Markup.Escape(scenario.Title)}[/]   [grey]{Markup.Escape(scenario.Program)}[/]");
        PrintAnswer(context, result.Answer);
        if (result.ExtraAnswer is { } extra && scenario.Extra is { } question)
        {
            context.Console.MarkupLine($"   [grey]also ({Markup.Escape(question.Meaning)}):[/]");
            PrintAnswer(context, extra);
        }

        if (showEdges)
        {
            foreach (HappensBeforeEdge edge in result.Edges)
            {
                context.Console.MarkupLine($"     [grey]edge {Markup.Escape(edge.ToString())}[/]");
            }
        }

        string verdict = Short(result.Answer) + (result.ExtraAnswer is { } e ? $"; {Short(e)}" : string.Empty);
        summary.AddRow(
            scenario.Number.ToString(),
            Markup.Escape(scenario.Title),
            Markup.Escape(verdict),
            result.Races.Count.ToString(),
            Markup.Escape(scenario.ExerciseAnswer),
            result.AgreesWithExercise ? "[green]yes[/]" : "[red]no[/]");
        return result.AgreesWithExercise;
    }

    private static bool PrintActor(DemoContext context, Table summary)
    {
        context.Console.MarkupLine("[bold]8. actor Tell → receive[/] (actor form)   [grey]a = \"hello\" /*A*/; actor.Tell(msg); — in the actor: receive(msg) { print(a) /*B*/ }[/]");
        TellReceiveScenario.Outcome outcome = TellReceiveScenario.Run(context.ActorSystem, TimeSpan.FromSeconds(10));
        PrintAnswer(context, outcome.Answer);
        context.Console.MarkupLine($"   [grey]the actor read a = \"{Markup.Escape(outcome.ValueRead)}\" on an Akka dispatcher thread[/]");
        bool agrees = outcome.Answer.Order == HappensBeforeOrder.FirstBeforeSecond && outcome.Races.Count == 0;
        summary.AddRow(
            ActorScenario.ToString(),
            "actor Tell → receive",
            Markup.Escape(Short(outcome.Answer)),
            outcome.Races.Count.ToString(),
            "A happens before B: a Tell is before the receive of that message",
            agrees ? "[green]yes[/]" : "[red]no[/]");
        return agrees;
    }

    private static void PrintAnswer(DemoContext context, OrderAnswer answer)
    {
        string colour = answer.Order == HappensBeforeOrder.Concurrent ? "yellow" : "green";
        context.Console.MarkupLine(
            $"   clocks: {Markup.Escape(answer.First.Name)} = {Markup.Escape(answer.First.ThreadName)}@{answer.First.Clock} {Markup.Escape(answer.First.Knows.ToString())}, " +
            $"{Markup.Escape(answer.Second.Name)} = {Markup.Escape(answer.Second.ThreadName)}@{answer.Second.Clock} {Markup.Escape(answer.Second.Knows.ToString())}");
        context.Console.MarkupLine($"   [{colour}]{Markup.Escape(answer.Verdict)}[/]: {Markup.Escape(answer.Justification)}");
    }

    private static string Short(OrderAnswer answer) => answer.Order switch
    {
        HappensBeforeOrder.FirstBeforeSecond => $"{answer.First.Name} → {answer.Second.Name}",
        HappensBeforeOrder.SecondBeforeFirst => $"{answer.Second.Name} → {answer.First.Name}",
        _ => $"{answer.First.Name} ∥ {answer.Second.Name}",
    } + (answer.Chain.Count > 0 ? $" via {string.Join(", ", answer.Chain.Select(c => c.Kind))}" : answer.Order == HappensBeforeOrder.Concurrent ? " (no edge)" : string.Empty);
}
