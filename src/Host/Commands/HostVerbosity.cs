namespace ActorConcurrency.Host.Commands;

/// <summary>The levels of <c>--verbosity</c>, named as the dotnet CLI names them.</summary>
internal enum HostVerbosity
{
    /// <summary>One line per task (verdict and evidence) and errors; no tables, no progress.</summary>
    Quiet,

    /// <summary>As quiet.</summary>
    Minimal,

    /// <summary>Every table a demonstration measured (the default).</summary>
    Normal,

    /// <summary>Also the stack trace of a demonstration that failed with an exception.</summary>
    Detailed,

    /// <summary>As detailed.</summary>
    Diagnostic,
}
