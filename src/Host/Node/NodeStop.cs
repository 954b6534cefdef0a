namespace ActorConcurrency.Host.Node;

/// <summary>Why a node stopped, as its report and final line say it.</summary>
internal enum NodeStop
{
    /// <summary>Ctrl+C (SIGINT): leaves the cluster cleanly; exit 130.</summary>
    Interrupted,

    /// <summary>SIGTERM: leaves the cluster cleanly; exit 143.</summary>
    Terminated,

    /// <summary>The cluster removed this node without it leaving (the split-brain resolver downed it); exit 5.</summary>
    Downed,

    /// <summary>The actor system stopped by itself for another reason; exit 1.</summary>
    SystemStopped,
}
