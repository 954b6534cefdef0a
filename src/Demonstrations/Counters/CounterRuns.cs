namespace ActorConcurrency.Demonstrations.Counters;

/// <summary>What <see cref="CounterExperiment.MeasureAsync"/> measured: every form's totals over the runs.</summary>
/// <param name="Runs">Runs per form.</param>
/// <param name="Tasks">Concurrent tasks per run.</param>
/// <param name="Increments">Increments each task did in a row.</param>
/// <param name="Forms">One row per form, in the order they ran.</param>
public sealed record CounterRuns(int Runs, int Tasks, int Increments, IReadOnlyList<CounterTotals> Forms) : IDemonstrationResult
{
    /// <summary>Whether every form reached the expected total in every run (what a fixed counter must do).</summary>
    public bool Held => Forms.All(f => f.AllExact);

    /// <inheritdoc />
    public string Evidence => string.Join("; ", Forms.Select(f => $"{f.Form}: {f.PerRun.Count(t => t == f.Expected)}/{f.PerRun.Count} runs = {f.Expected:N0}"));
}
