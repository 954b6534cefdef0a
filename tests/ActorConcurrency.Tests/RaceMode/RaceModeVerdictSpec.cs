using System.Globalization;
using ActorConcurrency.Demonstrations.RaceForms;
using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Every SharedState form under race mode gets its verdict on every repetition: the broken forms race each time
/// (0 misses), the correct ones never do (0 false positives). Repetitions come from <c>RACE_MODE_REPETITIONS</c>
/// (default 3 to keep CI short; 10 and more were run by hand, see docs/race-mode.md).
/// </summary>
[Collection(RaceModeCollection.Name)]
public sealed class RaceModeVerdictSpec : IClassFixture<FormSandboxFixture>
{
    private readonly FormSandboxFixture _fixture;

    public RaceModeVerdictSpec(FormSandboxFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Forms => new(RaceCatalog.Forms.Select(f => f.Name));

    private static int Repetitions => int.TryParse(Environment.GetEnvironmentVariable("RACE_MODE_REPETITIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 3;

    [Theory]
    [MemberData(nameof(Forms))]
    public void Form_gets_its_expected_verdict_on_every_repetition(string name)
    {
        RaceForm form = RaceCatalog.Forms.Single(f => f.Name == name);
        for (int repetition = 1; repetition <= Repetitions; repetition++)
        {
            RaceRun run = RaceCatalog.Run(_fixture.Sandbox, form);
            Assert.True(
                run.HasRaces == form.ExpectRace,
                $"repetition {repetition}: expected {(form.ExpectRace ? "a race" : "no race")}, found {run.Races.Count}:\n" +
                string.Join("\n", run.Races.Select(r => r.Format())));
        }
    }

    [Fact]
    public void Racy_counter_report_names_the_field_and_both_source_lines()
    {
        RaceRun run = RaceCatalog.Run(_fixture.Sandbox, RaceCatalog.Forms.Single(f => f.Name == nameof(RaceProbes.RacyCounter)));

        RaceReport report = Assert.Single(run.Races);
        Assert.Equal("RacyCounter._value", report.Variable);
        Assert.EndsWith("RacyCounter.cs", report.Current.Site.File, StringComparison.Ordinal);
        Assert.EndsWith("RacyCounter.cs", report.Previous.Site.File, StringComparison.Ordinal);
        Assert.True(report.Current.Site.Line > 0 && report.Previous.Site.Line > 0);
        Assert.Contains("WARNING: DATA RACE", report.Format(), StringComparison.Ordinal);
    }
}
