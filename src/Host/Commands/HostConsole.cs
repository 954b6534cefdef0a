using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>Where the host writes: Spectre.Console for results, standard error for the one-line errors.</summary>
internal sealed class HostConsole
{
    /// <summary>Widest layout used when output is redirected, so tables are not wrapped at 80 columns in a log.</summary>
    private const int RedirectedWidth = 160;

    public HostConsole(IAnsiConsole output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    public IAnsiConsole Output { get; }

    public TextWriter Error { get; }

    public static HostConsole CreateDefault()
    {
        IAnsiConsole output = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            output.Profile.Width = RedirectedWidth;
        }

        return new HostConsole(output, System.Console.Error);
    }

    /// <summary>Writes one line on standard error and returns <see cref="ExitCodes.BadInput"/>.</summary>
    public int BadInput(string message)
    {
        Error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
