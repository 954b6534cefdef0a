using System.Globalization;
using ActorConcurrency.Chaos;
using Spectre.Console;

namespace ActorConcurrency.Host.Chaos;

/// <summary>Prints what a scenario measured: one row per client and one for the scenario, then each check.</summary>
internal static class ChaosTable
{
    public static void Print(IAnsiConsole output, ScenarioOutcome outcome)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(outcome.Scenario)} ({Markup.Escape(outcome.Journal)}): {Markup.Escape(outcome.Description)}");
        table.AddColumn("client");
        foreach (string column in new[] { "sent", "acknowledged", "retried", "duplicates suppressed", "total after recovery", "lost", RecoveryColumn })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        if (outcome.Clients.Count > 1)
        {
            foreach (ClientOutcome client in outcome.Clients)
            {
                table.AddRow(
                    Markup.Escape(ClientLabel(client)), N(client.Report.Sent), N(client.Report.Acknowledged), N(client.Report.Retried),
                    N(client.Report.DuplicatesSuppressed), "", "", "");
            }
        }

        string label = outcome.Clients.Count == 1 ? ClientLabel(outcome.Clients[0]) : "all clients";
        table.AddRow(
            Markup.Escape(label),
            N(outcome.Sent) + (outcome.AnyClientKilled ? "+" : ""),
            N(outcome.Acknowledged),
            N(outcome.Retried),
            N(outcome.DuplicatesSuppressed),
            outcome.Recovered is { } t ? $"[bold]{N(t.Total)}[/]" : "?",
            outcome.Lost is { } lost ? (lost == 0 ? "0" : $"[red]{N(lost)}[/]") : "?",
            Markup.Escape(outcome.RecoveryText));
        table.Caption(
            $"{Markup.Escape(FaultsText(outcome.Faults))}; hand-off drops {N(outcome.HandOffDrops)}, dead letters {N(outcome.DeadLetters)} (seen by the clients); {outcome.Duration.TotalSeconds:0} s" +
            (outcome.Faults.Count == 0 ? "" : $"\n{Markup.Escape(RecoveryColumn)}: per fault, from its start until the last counter acknowledged the surviving clients again"));
        output.Write(table);

        foreach (FaultRecovery recovery in outcome.Recoveries)
        {
            FaultEvent fault = recovery.Fault;
            output.MarkupLine(Markup.Escape(
                $"  {fault.KindText} of {fault.Node} ({fault.Role}): downed after {(fault.SecondsToDowning is { } d ? $"{d.ToString("0.0", CultureInfo.InvariantCulture)} s" : "(not seen)")}; " +
                $"every counter acks again: {(outcome.Clients.All(c => !c.Lived) ? "n/a (no client lived on)" : recovery.Text)}" +
                (fault.EndedAt is { } ended ? $"; ended after {(ended - fault.At).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "")));
        }

        foreach (ScenarioCheck check in outcome.Checks)
        {
            string mark = check.Held switch { true => "[green]held[/]", false => "[red]BROKEN[/]", null => "[grey]n/a[/]" };
            output.MarkupLine($"  {mark}  {Markup.Escape(check.Name)}: {Markup.Escape(check.Detail)}");
        }

        if (!outcome.Held)
        {
            output.MarkupLine($"  [yellow]node logs and reports kept in {Markup.Escape(outcome.Folder)}[/]");
        }
        else if (Directory.Exists(outcome.Folder))
        {
            output.MarkupLine($"  [grey]node logs and reports in {Markup.Escape(outcome.Folder)}[/]");
        }

        output.WriteLine();
    }

    /// <summary>One row per scenario: the summary a run ends with.</summary>
    public static void PrintSummary(IAnsiConsole output, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("chaos: every scenario");
        table.AddColumns("scenario", "journal", "verdict");
        foreach (string column in new[] { "sent", "acknowledged", "total after recovery", "lost", "faults", "slowest fault → downed", $"slowest {RecoveryColumn}" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (ScenarioOutcome o in outcomes)
        {
            table.AddRow(
                Markup.Escape(o.Scenario),
                Markup.Escape(o.Journal),
                o.Held ? "[green]held[/]" : "[red]BROKEN[/]",
                N(o.Sent) + (o.AnyClientKilled ? "+" : ""),
                N(o.Acknowledged),
                o.Recovered is { } r ? N(r.Total) : "?",
                o.Lost is { } lost ? N(lost) : "?",
                Markup.Escape(FaultsText(o.Faults)),
                o.Faults.Count == 0 ? "" : o.Faults.Any(f => f.DownedAt is null) ? "(not seen)"
                    : $"{o.Faults.Max(f => f.SecondsToDowning!.Value).ToString("0.0", CultureInfo.InvariantCulture)} s",
                Markup.Escape(o.Faults.Count == 0 ? "" : o.Clients.All(c => !c.Lived) ? "n/a" : SlowestRecovery(o.Recoveries)));
        }

        output.Write(table);
    }

    /// <summary>The recovery column's name: what its time runs from and to.</summary>
    internal const string RecoveryColumn = "fault → every counter acks again";

    /// <summary>"2 kill -9", "1 freeze 20 s", "no fault": the scenario's faults by kind.</summary>
    internal static string FaultsText(IReadOnlyList<FaultEvent> faults) => faults.Count == 0
        ? "no fault"
        : string.Join(", ", faults.GroupBy(f => f.KindText).Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>The slowest fault's recovery, or the first one that could not be measured or left a counter silent.</summary>
    private static string SlowestRecovery(IReadOnlyList<FaultRecovery> recoveries) =>
        recoveries.FirstOrDefault(r => r.Unmeasured is not null || r.Silent.Count > 0)?.Text
        ?? recoveries.MaxBy(r => r.Seconds ?? 0)!.Text;

    private static string ClientLabel(ClientOutcome client) =>
        $"{client.Node} ({(client.Killed ? "killed; last tick" : client.Frozen ? $"frozen; {client.Report.Reason}" : client.Report.LoadComplete && client.Report.Acknowledged == client.Report.Sent ? "load done" : client.Report.Reason)})";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
