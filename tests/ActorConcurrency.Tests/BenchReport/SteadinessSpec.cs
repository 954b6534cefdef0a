using ActorConcurrency.Host.BenchReport;

namespace ActorConcurrency.Tests.BenchReport;

/// <summary>
/// The steadiness test of a row: each launch's first quarter of iterations against its last quarter, pooled over the
/// launches, by the report's rule. A launch still warming up (the first quarter twice as slow) drifts one way, a launch
/// that slows as it runs the other, an unordered sample not at all, and launches too short to quarter are not tested.
/// </summary>
public sealed class SteadinessSpec
{
    private static readonly ComparisonRule Rule = ComparisonRule.Default;

    [Fact]
    public void Launches_whose_first_quarter_is_twice_as_slow_were_still_warming_up()
    {
        Steadiness steadiness = Steadiness.Of([WarmingUp(0), WarmingUp(1), WarmingUp(2)], Rule)!;

        Assert.True(steadiness.Drifted);
        Assert.Equal(ComparisonVerdict.Slower, steadiness.EarlyAgainstLate.Verdict);
        Assert.Equal(2, steadiness.EarlyAgainstLate.Ratio, 0.1);
        Assert.Matches(@"^not steady: the first quarter of each launch's iterations took 1\.9\d \[[\d.]+–[\d.]+\]× the last quarter's time \(p < 0\.0001\): still warming up when measured$", steadiness.Note);
    }

    [Fact]
    public void Launches_whose_last_quarter_is_slower_slowed_down_as_they_ran()
    {
        Steadiness steadiness = Steadiness.Of([[.. WarmingUp(0).Reverse()], [.. WarmingUp(1).Reverse()]], Rule)!;

        Assert.Equal(ComparisonVerdict.Faster, steadiness.EarlyAgainstLate.Verdict);
        Assert.EndsWith(": slowed down as it ran", steadiness.Note);
    }

    [Fact]
    public void Launches_of_unordered_values_are_steady()
    {
        Steadiness steadiness = Steadiness.Of([IterationExports.Spread(100, 80, width: 0.3), IterationExports.Spread(100, 80, width: 0.3, shift: 0.5)], Rule)!;

        Assert.False(steadiness.Drifted);
        Assert.Null(steadiness.Note);
    }

    [Fact]
    public void A_shift_under_the_minimum_effect_is_not_a_drift()
    {
        double[] launch = [.. IterationExports.Spread(103, 20, width: 0.01), .. IterationExports.Spread(100, 60, width: 0.01)];

        Steadiness steadiness = Steadiness.Of([launch, launch], Rule)!;

        Assert.True(steadiness.EarlyAgainstLate.P < Rule.Alpha);
        Assert.False(steadiness.Drifted);
    }

    [Fact]
    public void Launches_too_short_to_quarter_are_not_tested_and_short_ones_are_left_out()
    {
        Assert.Null(Steadiness.Of([[100, 101, 102], [200, 201, 202]], Rule));
        Assert.Null(Steadiness.Of([], Rule));

        Steadiness steadiness = Steadiness.Of([WarmingUp(0), [1, 1, 1]], Rule)!;
        Assert.Equal(20, steadiness.EarlyAgainstLate.Candidate.N);
    }

    /// <summary>80 iterations of one launch: the first 20 around 200 ns, the other 60 around 100 ns.</summary>
    private static double[] WarmingUp(int launch) =>
        [.. IterationExports.Spread(200, 20, width: 0.2, shift: launch / 3.0), .. IterationExports.Spread(100, 60, width: 0.2, shift: launch / 3.0)];
}
