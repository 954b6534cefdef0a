namespace ActorConcurrency.RaceMode.Loading;

/// <summary>
/// What the user gave race mode cannot be run: a file that is not an assembly, a class library given to <c>exec</c>,
/// an unsupported test framework or target framework, a missing dependency, an unknown option. The message is the
/// one line the command prints (what is wrong and what to do); the exit code is <see cref="RaceExec.BadInput"/>.
/// </summary>
public sealed class RaceInputException : Exception
{
    /// <summary>Creates the refusal with its one-line <paramref name="message"/>.</summary>
    public RaceInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the refusal with its one-line <paramref name="message"/> and what caused it.</summary>
    public RaceInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty refusal (for serializers; race mode always says why).</summary>
    public RaceInputException()
    {
    }
}
