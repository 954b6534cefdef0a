namespace ActorConcurrency.RaceDetector.Leaks;

/// <summary>A task started inside a leak check that had not finished when the grace period ended.</summary>
/// <param name="TaskId">The runtime's <see cref="Task.Id"/>.</param>
/// <param name="Operation">What the task is: an async method, a delegate task, a <c>Task.Run</c> proxy.</param>
/// <param name="State">What the runtime's events last said of it (never started, running, suspended).</param>
/// <param name="StartedAt">The innermost frame of the code under test when it was created.</param>
/// <param name="Stack">The frames of the code under test when it was created, innermost first.</param>
public sealed record LeakedTask(int TaskId, string Operation, string State, string StartedAt, IReadOnlyList<string> Stack);
