namespace ActorConcurrency.RaceDetector.Reports;

/// <summary>
/// Where a logical thread was created, as Go's reports end with <c>Goroutine 7 (running) created at:</c>: the logical
/// thread that forked it and the user's stack at the fork. A thread forked by framework code on behalf of another (a
/// callback's run, forked from its submission) has the origin of that other one: where the user's code made it.
/// </summary>
/// <param name="ParentId">The forking logical thread's id.</param>
/// <param name="ParentName">Its name.</param>
/// <param name="Stack">The user's frames at the fork (<see cref="Tracking.RaceDetectorOptions.KeepAccessStacks"/>); null when stacks are not kept, empty when no frame was the user's.</param>
public sealed record ThreadOrigin(int ParentId, string ParentName, string? Stack);
