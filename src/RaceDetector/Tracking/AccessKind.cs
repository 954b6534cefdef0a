namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>The kind of a memory access in a race report.</summary>
public enum AccessKind
{
    /// <summary>A load of the variable.</summary>
    Read,

    /// <summary>A store to the variable.</summary>
    Write,
}
