namespace ActorConcurrency.SharedState.Singleflight;

/// <summary>What every singleflight form, the actor's included, does with the task a compute returns.</summary>
public static class SingleflightCompute
{
    /// <summary>The message of the error a flight fails with when its compute returns null instead of a task.</summary>
    public const string NullTaskMessage = "The singleflight compute returned null instead of a task.";

    /// <summary>
    /// The task <paramref name="compute"/> returned. A null task is the compute's fault: it fails the flight (every
    /// waiter) with an <see cref="InvalidOperationException"/> saying so, rather than a <see cref="NullReferenceException"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The compute returned null.</exception>
    public static Task<TValue> Start<TValue>(Func<Task<TValue>> compute) =>
        compute() ?? throw new InvalidOperationException(NullTaskMessage);
}
