using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Reports;

/// <summary>One of the two accesses of a race.</summary>
/// <param name="Kind">Read or write.</param>
/// <param name="ThreadName">The logical thread that made it.</param>
/// <param name="ThreadId">Its id.</param>
/// <param name="Site">Where it is in the source.</param>
/// <param name="Stack">Its stack, or null when it was not kept (see <see cref="RaceDetectorOptions.KeepAccessStacks"/>).</param>
/// <param name="Label">What its logical thread ran for (<see cref="LogicalThread.Label"/>: the test, under race-mode test), if known.</param>
/// <param name="Origin">Where its logical thread was created, if known (null for a root thread, or a thread whose id was reused since).</param>
public sealed record RaceAccess(AccessKind Kind, string ThreadName, int ThreadId, AccessSite Site, string? Stack, string? Label = null, ThreadOrigin? Origin = null);
