namespace ActorConcurrency.SharedState.Counters;

/// <summary>
/// The exercise's workload: <c>tasks</c> concurrent tasks, each calling <c>increment</c> once. The
/// tasks are all created first and then released together by one gate, so their increments overlap
/// as much as the machine allows instead of running one after another as they are created.
/// </summary>
public static class ConcurrentIncrements
{
    /// <summary>Runs <paramref name="increment"/> once on each of <paramref name="tasks"/> tasks and waits for all.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tasks"/> is below 1.</exception>
    public static async Task RunAsync(int tasks, Action increment)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tasks, 1);
        ArgumentNullException.ThrowIfNull(increment);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new Task[tasks];
        for (int i = 0; i < tasks; i++)
        {
            running[i] = Task.Run(async () =>
            {
                await gate.Task.ConfigureAwait(false);
                increment();
            });
        }

        gate.SetResult();
        await Task.WhenAll(running).ConfigureAwait(false);
    }
}
