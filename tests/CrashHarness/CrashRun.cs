using System.Text.Json;
using ActorConcurrency.Chaos;
using Xunit.Abstractions;

namespace ActorConcurrency.CrashHarness;

/// <summary>Runs one scenario against real node processes, writes what it measured to the test output, and checks its numbers.</summary>
internal static class CrashRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<ScenarioOutcome> RunAsync(string scenarioName, ChaosJournal journal, ITestOutputHelper output)
    {
        Assert.True(File.Exists(CrashConfig.HostAssembly), $"the host to run nodes from is missing: {CrashConfig.HostAssembly}");
        ChaosScenario scenario = ChaosRunner.Find(scenarioName) ?? throw new ArgumentException($"no scenario '{scenarioName}'", nameof(scenarioName));
        var runner = new ChaosRunner(CrashConfig.Settings(journal), text => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.f} {text}"));
        ScenarioOutcome outcome = await runner.RunAsync(scenario, CancellationToken.None);
        output.WriteLine(JsonSerializer.Serialize(outcome, Json)); // the record the host renders as chaos's table
        return outcome;
    }

    /// <summary>
    /// The checks every scenario makes: it ran to its end, something was acknowledged, nothing acknowledged is
    /// missing after recovery, nothing is counted that was not sent (unless a killed client's last sends are
    /// unknown), and with exactly-once delivery and clients that lived to have everything acknowledged,
    /// sent = acknowledged = total; after a freeze, every counter acknowledged again before the frozen node woke.
    /// </summary>
    public static void AssertNothingLostNorCountedTwice(ScenarioOutcome outcome)
    {
        string context = $"{outcome.Scenario} ({outcome.Journal}); logs in {outcome.Folder}:\n{string.Join('\n', outcome.Events)}";
        Assert.True(outcome.Failure is null, $"{outcome.Failure}\n{context}");
        Assert.True(outcome.Recovered is not null, context);
        long total = outcome.Recovered!.Total;
        Assert.True(outcome.Acknowledged > 0, $"no increment was acknowledged\n{context}");
        Assert.True(outcome.Acknowledged <= total, $"lost {outcome.Acknowledged - total:N0} acknowledged increments: acknowledged {outcome.Acknowledged:N0}, total after recovery {total:N0}\n{context}");
        if (!outcome.AnyClientKilled)
        {
            Assert.True(total <= outcome.Sent, $"counted {total - outcome.Sent:N0} more than was sent: sent {outcome.Sent:N0}, total {total:N0}\n{context}");
        }

        if (outcome.ExpectsExactTotal)
        {
            Assert.All(outcome.Clients.Where(c => c.Lived), c => Assert.True(c.FullyAcknowledged, $"client {c.Node} ended ({c.Report.Reason}) with {c.Report.Sent - c.Report.Acknowledged:N0} unacknowledged\n{context}"));
        }

        if (outcome.ExactlyOnce && outcome.Clients.All(c => c.FullyAcknowledged))
        {
            Assert.Equal(outcome.Sent, outcome.Acknowledged);
            Assert.Equal(outcome.Sent, total);
        }

        Assert.True(outcome.Held, context);
    }
}
