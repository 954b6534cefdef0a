namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>The kind of a memory access in a race report.</summary>
public enum AccessKind
{
    /// <summary>A plain load.</summary>
    Read,

    /// <summary>A plain store.</summary>
    Write,

    /// <summary>An atomic load, or a compare-and-swap that failed (it races only with an unordered plain write).</summary>
    AtomicRead,

    /// <summary>An atomic store or read-modify-write (it races with an unordered plain read or write).</summary>
    AtomicWrite,
}
