namespace ActorConcurrency.Demonstrations.Counters;

/// <summary>How tasks 1–4 run their counters.</summary>
/// <param name="Runs">How many times each form is measured, each time on a fresh instance.</param>
/// <param name="Tasks">How many concurrent tasks increment the counter, released together by one gate.</param>
/// <param name="Increments">How many increments each task does in a row (1 is the exercise as written).</param>
public sealed record CounterSettings(int Runs, int Tasks, int Increments = 1)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is below 1.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Runs, 1, nameof(Runs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Tasks, 1, nameof(Tasks));
        ArgumentOutOfRangeException.ThrowIfLessThan(Increments, 1, nameof(Increments));
    }
}
