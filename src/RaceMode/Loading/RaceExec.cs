namespace ActorConcurrency.RaceMode.Loading;

/// <summary>Placeholder until exec is built.</summary>
public static class RaceExec
{
    /// <summary>Runs the command line.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        error.WriteLine("not yet");
        return 2;
    }
}
