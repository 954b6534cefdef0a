namespace ActorConcurrency.SharedState.Counters;

/// <summary>
/// The exercise's workload: <c>tasks</c> concurrent tasks, each calling <c>increment</c> once (or a given number of
/// times in a row). The
/// tasks are all created first and then released together by one gate, so their increments overlap
/// as much as the machine allows instead of running one after another as they are created.
/// </summary>
public static class ConcurrentIncrements
{
    /// <summary>Runs <paramref name="increment"/> once on each of <paramref name="tasks"/> tasks and waits for all.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tasks"/> is below 1.</exception>
    public static Task RunAsync(int tasks, Action increment) => RunAsync(tasks, incrementsPerTask: 1, increment);

    /// <summary>
    /// Runs <paramref name="increment"/> <paramref name="incrementsPerTask"/> times in a row on each of
    /// <paramref name="tasks"/> tasks. One increment per task is the exercise as written, but on a machine with few
    /// cores a task is done before the next one starts, so a race rarely shows; a thousand in a row keep two cores
    /// inside the load–add–store sequence at the same time, and lost updates show in nearly every run.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tasks"/> or <paramref name="incrementsPerTask"/> is below 1.</exception>
    public static async Task RunAsync(int tasks, int incrementsPerTask, Action increment)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tasks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(incrementsPerTask, 1);
        ArgumentNullException.ThrowIfNull(increment);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new Task[tasks];
        for (int i = 0; i < tasks; i++)
        {
            running[i] = Task.Run(async () =>
            {
                await gate.Task.ConfigureAwait(false);
                for (int n = 0; n < incrementsPerTask; n++)
                {
                    increment();
                }
            });
        }

        gate.SetResult();
        await Task.WhenAll(running).ConfigureAwait(false);
    }
}
