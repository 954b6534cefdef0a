namespace ActorConcurrency.Host.Commands;

/// <summary>The host's exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran and every demonstrated property held.</summary>
    public const int Ok = 0;

    /// <summary>A demonstration ran but what it demonstrates did not hold, or it failed.</summary>
    public const int DemonstrationFailed = 1;

    /// <summary>Bad input: unknown command or option, a value out of range, a non-number.</summary>
    public const int BadInput = 2;

    /// <summary>A cluster node could not start: seed unreachable, journal unavailable, port in use.</summary>
    public const int NodeStartFailed = 4;

    /// <summary>Interrupted by Ctrl+C (or SIGTERM): 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;
}
