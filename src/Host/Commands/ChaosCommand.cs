using System.CommandLine;
using ActorConcurrency.Chaos;
using ActorConcurrency.Host.Chaos;
using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>chaos</c>: runs the crash scenarios of task 19 against real <c>node</c> processes of this host on
/// 127.0.0.1 (three-node load, shards returning to an earlier node, <c>kill -9</c> of the client, of the seed
/// and of shard hosts, a clean leave, a restart of every node) and prints per scenario what was sent,
/// acknowledged, retried, suppressed as a duplicate, read back after recovery, lost, and how long after each
/// kill every counter acknowledged again.
/// </summary>
internal sealed class ChaosCommand : IHostCommand
{
    public Command Create(HostConsole console)
    {
        string names = string.Join(", ", ChaosRunner.Scenarios.Select(s => s.Name));
        Option<string> journal = CheckedOptions.Choice("--journal", "sqlite or postgres", "sqlite", "postgres");
        var connectionString = new Option<string?>("--connection-string") { Description = $"PostgreSQL connection string (default: ${NodeCommand.PostgresEnvironmentVariable})" };
        var scenarios = new Option<string[]>("--scenarios") { Description = $"Scenarios to run, comma-separated (default: every one: {names})", AllowMultipleArgumentsPerToken = true };
        Option<long> kills = CheckedOptions.Whole("--kills", "kill -9s of the kill-shard-host scenario", 1, 1, 1000);
        Option<long> load = CheckedOptions.Whole("--load", "Increments of each finite load", 200_000, 1, NodeCommand.MaxLoad);
        Option<double> seconds = CheckedOptions.Seconds("--seconds", "Seconds the load runs on after each step", 3, 0, 3600);
        Option<string> delivery = CheckedOptions.Choice("--delivery", "exactly-once or at-most-once", "exactly-once", "at-most-once");
        var keepLogs = new Option<bool>("--keep-logs") { Description = "Keep every scenario's node logs and reports (by default only those of a scenario that did not hold)" };
        Option<double> faultLength = CheckedOptions.SecondsOrForever("--fault-seconds",
            "How long a freeze (kill -STOP until kill -CONT) or a partition lasts, or forever (to the scenario's end)", 20, 1, 3600);

        var command = new Command("chaos", "Crash-test task 19's cluster with real node processes and print what was acknowledged, recovered and lost")
        {
            journal, connectionString, scenarios, kills, load, seconds, delivery, faultLength, keepLogs,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TimeSpan? length = parseResult.GetValue(faultLength) is var faultSeconds && double.IsFinite(faultSeconds) ? TimeSpan.FromSeconds(faultSeconds) : null;
            string[] chosen = (parseResult.GetValue(scenarios) ?? [])
                .SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            if (chosen.FirstOrDefault(n => ChaosRunner.Find(n) is null) is { } unknown)
            {
                return console.BadInput($"--scenarios: unknown scenario '{unknown}' (known: {names})");
            }

            ChaosJournal? chaosJournal = ChaosJournal.Sqlite;
            if (parseResult.GetValue(journal) == "postgres")
            {
                string? connection = parseResult.GetValue(connectionString) ?? Environment.GetEnvironmentVariable(NodeCommand.PostgresEnvironmentVariable);
                if (string.IsNullOrWhiteSpace(connection))
                {
                    return console.BadInput($"--journal postgres needs --connection-string or ${NodeCommand.PostgresEnvironmentVariable}");
                }

                chaosJournal = ChaosJournal.Postgres(connection);
            }

            var settings = new ChaosSettings
            {
                Journal = chaosJournal,
                HostAssembly = typeof(ChaosCommand).Assembly.Location,
                Load = parseResult.GetValue(load),
                Kills = (int)parseResult.GetValue(kills),
                Seconds = parseResult.GetValue(seconds),
                Delivery = parseResult.GetValue(delivery)!,
                FaultLength = length,
                KeepLogs = parseResult.GetValue(keepLogs),
            };
            return await RunAsync(console.Output, settings, chosen.Length == 0 ? ChaosRunner.Scenarios : chosen.Select(n => ChaosRunner.Find(n)!).ToList(), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole output, ChaosSettings settings, IReadOnlyList<ChaosScenario> scenarios, CancellationToken cancellationToken)
    {
        output.MarkupLine($"chaos on {settings.Journal.Kind}: {scenarios.Count} scenarios, real node processes of {Markup.Escape(settings.HostAssembly)} on 127.0.0.1");
        output.MarkupLine($"[grey]finite loads of {settings.Load:N0} increments in batches of {settings.BatchSize}, window {settings.Window}, ack timeout {settings.AckTimeout:0.#} s, {settings.Delivery}; " +
                          $"{settings.Kills} kill(s) in kill-shard-host; freezes and partitions {(settings.FaultLength is { } f ? $"{f.TotalSeconds:0.#} s" : "to the scenario's end")}; " +
                          $"{settings.Seconds:0.#} s of load after each step[/]");
        var runner = new ChaosRunner(settings, text => output.MarkupLine($"[grey]{DateTime.Now:HH:mm:ss} {Markup.Escape(text)}[/]"));
        var outcomes = new List<ScenarioOutcome>();
        foreach (ChaosScenario scenario in scenarios)
        {
            ScenarioOutcome outcome = await runner.RunAsync(scenario, cancellationToken);
            outcomes.Add(outcome);
            ChaosTable.Print(output, outcome);
        }

        if (outcomes.Count > 1)
        {
            ChaosTable.PrintSummary(output, outcomes);
        }

        int held = outcomes.Count(o => o.Held);
        long lost = outcomes.Sum(o => o.Lost ?? 0);
        string verdict = $"{held} of {outcomes.Count} scenarios held on {settings.Journal.Kind}; {ChaosTable.FaultsText(outcomes.SelectMany(o => o.Faults).ToList())} in all; " +
                         $"{lost:N0} acknowledged increments lost";
        output.MarkupLine(held == outcomes.Count ? $"[green]{Markup.Escape(verdict)}[/]" : $"[red]{Markup.Escape(verdict)}[/]");
        return held == outcomes.Count ? ExitCodes.Ok : ExitCodes.DemonstrationFailed;
    }
}
