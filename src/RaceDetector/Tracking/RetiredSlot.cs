namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>The id of a retired logical thread, reusable by a thread whose parent knows it up to <see cref="LastEpoch"/>.</summary>
/// <param name="Id">The id (the index in every vector clock).</param>
/// <param name="LastEpoch">The retired thread's clock at its last access or release.</param>
/// <param name="FinalClock">Its clock when it retired: the next thread on this id starts after it.</param>
internal readonly record struct RetiredSlot(int Id, int LastEpoch, int FinalClock);
