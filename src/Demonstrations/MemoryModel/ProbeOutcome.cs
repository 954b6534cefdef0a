namespace ActorConcurrency.Demonstrations.MemoryModel;

/// <summary>How a probe's child process ended.</summary>
public enum ProbeOutcome
{
    /// <summary>The probe's thread saw the flag and the child reported its result.</summary>
    Terminated,

    /// <summary>No result within the timeout after the flag was set: the child was killed.</summary>
    Hung,

    /// <summary>The child did not start the probe or exited without a result.</summary>
    Failed,
}
