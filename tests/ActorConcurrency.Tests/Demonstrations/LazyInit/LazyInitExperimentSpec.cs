using System.Text.Json;
using ActorConcurrency.Demonstrations.LazyInit;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Demonstrations.LazyInit;

/// <summary>Task 5's experiment: the safe forms initialise once, the broken one is forced to build twice, failures are cached or retried.</summary>
public sealed class LazyInitExperimentSpec
{
    [Fact]
    public void The_safe_forms_initialise_once_and_each_form_answers_a_failure_as_documented()
    {
        LazyInitResult result = LazyInitExperiment.Run(new LazyInitSettings(Runs: 3, Threads: 4), CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.All(result.Forms.Where(f => !f.Broken), f => Assert.Equal((0, 1, 0), (f.RunsWithSeveralInitialisations, f.MostInitialiserCalls, f.RunsWithDifferentCaches)));
        Assert.Equal("check-then-create (broken)", Assert.Single(result.Forms, f => f.Broken).Form);
        Assert.Equal(2, result.Forced.InitialiserCalls);
        Assert.NotEqual(result.Forced.ACache, result.Forced.BCache);
        Assert.Equal(
            [SecondCall.RethrewCachedException, SecondCall.Retried, SecondCall.Retried, SecondCall.Retried],
            result.Failures.Select(f => f.Second));
        Assert.All(result.Failures, f => Assert.Equal("initialiser call 1 failed", f.FirstError));
    }

    [Fact]
    public void A_quiet_broken_form_is_reported_as_not_observed_and_a_safe_form_that_built_twice_fails()
    {
        LazyInitResult result = LazyInitExperiment.Run(new LazyInitSettings(Runs: 1, Threads: 1), CancellationToken.None);
        LazyFormRuns broken = result.Forms[^1];

        Assert.Equal(0, result.BrokenRuns); // one thread cannot pass the check twice
        Assert.True(result.Held);
        Assert.Contains("check-then-create built only once", ((ActorConcurrency.Demonstrations.IDemonstrationResult)result).NotObserved);
        Assert.False((result with { Forms = [result.Forms[0] with { MostInitialiserCalls = 2 }, broken] }).Held);
    }

    [Fact]
    public void A_setting_below_1_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LazyInitExperiment.Run(new LazyInitSettings(Runs: 1, Threads: 0), CancellationToken.None));
        Assert.Equal("Threads", error.ParamName);
    }

    [Fact]
    public void The_record_is_its_figures_in_json()
    {
        JsonElement json = ResultJson.Of(LazyInitExperiment.Run(new LazyInitSettings(Runs: 1, Threads: 2), CancellationToken.None));

        Assert.Equal(4, json.GetProperty("forms").GetArrayLength());
        Assert.Equal("RethrewCachedException", json.GetProperty("failures")[0].GetProperty("second").GetString());
        Assert.Equal(2, json.GetProperty("forced").GetProperty("initialiserCalls").GetInt32());
    }
}
