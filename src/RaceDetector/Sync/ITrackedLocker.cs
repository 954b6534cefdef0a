namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>Go's <c>sync.Locker</c>: what a <see cref="TrackedCond"/> releases while it waits (a <see cref="TrackedMutex"/>, or a <see cref="TrackedRwMutex"/>'s write lock).</summary>
public interface ITrackedLocker
{
    /// <summary>Takes the lock.</summary>
    void Lock();

    /// <summary>Releases the lock.</summary>
    void Unlock();
}
