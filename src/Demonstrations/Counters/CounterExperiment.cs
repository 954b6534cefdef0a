using ActorConcurrency.SharedState.Counters;

namespace ActorConcurrency.Demonstrations.Counters;

/// <summary>
/// The experiment tasks 1–4 share: each form of the counter incremented by <see cref="CounterSettings.Tasks"/>
/// concurrent tasks, <see cref="CounterSettings.Runs"/> times, with the totals it reached.
/// </summary>
public static class CounterExperiment
{
    /// <summary>Runs every form <see cref="CounterSettings.Runs"/> times and returns one row of totals per form.</summary>
    /// <param name="settings">Runs, tasks and increments per task.</param>
    /// <param name="forms">The forms, measured in this order.</param>
    /// <param name="status">Told which form and run is measuring, for a status line; may be null.</param>
    /// <param name="cancellationToken">Stops between runs (and inside an actor form's Ask).</param>
    public static async Task<CounterRuns> MeasureAsync(
        CounterSettings settings, IReadOnlyList<CounterForm> forms, IProgress<string>? status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var results = new List<CounterTotals>(forms.Count);
        foreach (CounterForm form in forms)
        {
            var perRun = new int[settings.Runs];
            for (int run = 0; run < settings.Runs; run++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                status?.Report($"{form.Name}: run {run + 1} of {settings.Runs}, {settings.Tasks} tasks x {settings.Increments} increments");
                perRun[run] = await form.RunOnceAsync(settings.Tasks, settings.Increments, cancellationToken).ConfigureAwait(false);
            }

            results.Add(new CounterTotals(form.Name, checked(settings.Tasks * settings.Increments), perRun));
        }

        return new CounterRuns(settings.Runs, settings.Tasks, settings.Increments, results);
    }

    /// <summary>
    /// Forces the schedule that loses an update on the racy counter: B's whole increment runs between A's load and
    /// A's store. Returns the total after the two increments (1: one was lost).
    /// </summary>
    public static int ForceLostUpdate()
    {
        var counter = new RacyCounter();
        counter.Increment(betweenLoadAndStore: counter.Increment);
        return counter.Read();
    }
}
