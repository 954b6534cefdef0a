using System.Text.Json;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Demonstrations.Counters;
using ActorConcurrency.Demonstrations.RaceForms;
using ActorConcurrency.Tests.Support;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Demonstrations.Counters;

/// <summary>Tasks 1–4's experiment: the totals each counter form reached, and the verdicts their records compute.</summary>
public sealed class CounterExperimentSpec : TestKit
{
    private static readonly CounterSettings Small = new(Runs: 3, Tasks: 50);

    public CounterExperimentSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task Every_fixed_form_reaches_its_total_in_every_run()
    {
        IReadOnlyList<CounterForm> forms = [.. CounterForm.Atomic(Sys), .. CounterForm.Mutex(Sys), .. CounterForm.Communication(Sys)];

        CounterRuns runs = await CounterExperiment.MeasureAsync(Small, forms, status: null, CancellationToken.None);

        Assert.True(runs.Held, runs.Evidence);
        Assert.Equal(forms.Select(f => f.Name), runs.Forms.Select(f => f.Form));
        Assert.All(runs.Forms, f =>
        {
            Assert.Equal(50, f.Expected);
            Assert.Equal([50, 50, 50], f.PerRun);
            Assert.Equal(0, f.RunsWithLostUpdates);
        });
        Assert.Contains("lock (Monitor): 3/3 runs = 50", runs.Evidence);
    }

    [Fact]
    public async Task The_status_says_which_form_and_run_is_measuring()
    {
        var reports = new List<string>();

        await CounterExperiment.MeasureAsync(Small with { Runs = 2, Increments = 3 }, [CounterForm.Channel], new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal(
            ["Channel<int> + one counting reader: run 1 of 2, 50 tasks x 3 increments", "Channel<int> + one counting reader: run 2 of 2, 50 tasks x 3 increments"],
            reports);
    }

    [Theory]
    [InlineData(0, 1, 1, "Runs")]
    [InlineData(1, 0, 1, "Tasks")]
    [InlineData(1, 1, 0, "Increments")]
    public async Task A_setting_below_1_is_refused_with_its_name(int runs, int tasks, int increments, string name)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            CounterExperiment.MeasureAsync(new CounterSettings(runs, tasks, increments), [CounterForm.Racy], null, CancellationToken.None));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void The_forced_interleaving_loses_one_of_two_increments() =>
        Assert.Equal(1, CounterExperiment.ForceLostUpdate());

    /// <summary>A racy counter that lost nothing in this run still held (the race is proven otherwise), and says so.</summary>
    [Fact]
    public void Task_1_holds_with_a_note_when_no_free_run_lost_an_update()
    {
        DataRaceResult quiet = DataRace(perRun: [100, 100], forced: 1);
        DataRaceResult lossy = DataRace(perRun: [100, 97], forced: 1);

        Assert.True(quiet.Held);
        Assert.Contains("lost no update", ((IDemonstrationResult)quiet).NotObserved);
        Assert.True(lossy.Held);
        Assert.Null(((IDemonstrationResult)lossy).NotObserved);
        Assert.StartsWith("lost updates in 1/2 runs, smallest total 97/100; forced interleaving: 2 increments -> 1", lossy.Evidence);
        Assert.False(DataRace(perRun: [100], forced: 2).Held); // the forced interleaving must lose the update
    }

    [Fact]
    public void The_record_is_its_figures_in_json()
    {
        JsonElement json = ResultJson.Of(DataRace(perRun: [100, 97], forced: 1));

        JsonElement racy = json.GetProperty("freeRunning").GetProperty("forms")[0];
        Assert.Equal(97, racy.GetProperty("min").GetInt32());
        Assert.Equal(1, racy.GetProperty("runsWithLostUpdates").GetInt32());
        Assert.Equal(1, json.GetProperty("forcedTotal").GetInt32());
        Assert.Equal("RacyCounter", json.GetProperty("raceMode").GetProperty("forms")[0].GetProperty("form").GetString());
        Assert.True(json.GetProperty("held").GetBoolean());
    }

    private static DataRaceResult DataRace(int[] perRun, int forced) => new(
        new CounterRuns(perRun.Length, 100, 1, [new CounterTotals("counter++ (RacyCounter)", 100, perRun)]),
        forced,
        new RacyCounterDetection(100, new DetectorRun(100, 2, 10), new DetectorRun(100, 2, 10), new DetectorReport(2, "report", "Found 2 data race(s)")),
        new RaceModeResult([new RaceModeVerdict("RacyCounter", ExpectRace: true, Races: 1, "Found 1 data race(s)", "report")]));
}
