namespace ActorConcurrency.Demonstrations.Counters;

/// <summary>The totals one form of the counter reached over the runs.</summary>
/// <param name="Form">The form's name.</param>
/// <param name="Expected">Tasks × increments: the total no lost update would give.</param>
/// <param name="PerRun">The total read after each run.</param>
public sealed record CounterTotals(string Form, int Expected, IReadOnlyList<int> PerRun)
{
    /// <summary>The smallest total of any run.</summary>
    public int Min => PerRun.Min();

    /// <summary>The largest total of any run.</summary>
    public int Max => PerRun.Max();

    /// <summary>Runs whose total was not <see cref="Expected"/>.</summary>
    public int RunsWithLostUpdates => PerRun.Count(t => t != Expected);

    /// <summary>Whether every run reached <see cref="Expected"/>.</summary>
    public bool AllExact => RunsWithLostUpdates == 0;
}
