using System.CommandLine;
using System.CommandLine.Parsing;
using ActorConcurrency.Demonstrations.HappensBefore;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Tasks;
using Akka.Actor;
using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>hb [scenario] [--edges]</c>: runs the happens-before quiz under the race detector (all scenarios, or
/// one: 1–7 from the quiz, 8 the actor Tell → receive, 9–11 select), printing the verdict from the clocks and the edge
/// chain that justifies it; <c>--edges</c> also lists every edge the run applied.
/// </summary>
internal sealed class HappensBeforeCommand : IHostCommand
{
    private static int Last => HappensBeforeExperiment.LastScenario;

    public Command Create(HostConsole console)
    {
        var scenario = new Argument<int?>("scenario")
        {
            Description = $"Scenario 1–7 of the quiz, {HappensBeforeExperiment.ActorScenario} for the actor Tell → receive, 9–{Last} for select (default: all)",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = ParseScenario,
        };
        var edges = new Option<bool>("--edges") { Description = "Also list every synchronisation edge the run applied" };
        var command = new Command("hb", "Happens-before quiz: decide each scenario's order with the race detector's vector clocks") { scenario, edges };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            int? chosen = parseResult.GetValue(scenario);
            int[] numbers = chosen is { } one ? [one] : [.. Enumerable.Range(1, Last)];
            await using var context = new DemoContext(console.Output, parseResult: null, cancellationToken);
            ActorSystem? system = numbers.Contains(HappensBeforeExperiment.ActorScenario) ? context.ActorSystem : null; // only the actor scenario needs one
            HappensBeforeQuizResult outcome = HappensBeforeExperiment.Run(numbers, system, cancellationToken);
            HappensBeforeTable.Print(console.Output, outcome, parseResult.GetValue(edges));
            console.Output.MarkupLine(outcome.Held ? $"[green]{outcome.Evidence}[/]" : $"[red]{outcome.Evidence}[/]");
            return outcome.Held ? ExitCodes.Ok : ExitCodes.DemonstrationFailed;
        });
        return command;
    }

    private static int? ParseScenario(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string token = result.Tokens[0].Value;
        if (!int.TryParse(token, out int number) || number < 1 || number > Last)
        {
            result.AddError($"scenario must be a number from 1 to {Last}, got '{token}'");
            return null;
        }

        return number;
    }
}
