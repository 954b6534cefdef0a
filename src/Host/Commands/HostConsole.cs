using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// Where the host writes: Spectre.Console for results, standard error for the one-line errors, and how much
/// to say (<c>--verbosity</c>, <c>--quiet</c>, <c>--json</c>: set by <see cref="Program"/> after parsing).
/// </summary>
internal sealed class HostConsole
{
    /// <summary>Layout width when output is redirected and <c>COLUMNS</c> does not say otherwise.</summary>
    internal const int RedirectedWidth = 120;

    public HostConsole(IAnsiConsole output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    public IAnsiConsole Output { get; }

    public TextWriter Error { get; }

    /// <summary>How much the tour and <c>run</c> print (no other command takes it); <see cref="HostVerbosity.Normal"/> unless the user chose.</summary>
    public HostVerbosity Verbosity { get; set; } = HostVerbosity.Normal;

    /// <summary>Whether results go to standard output as JSON lines instead of tables (<c>--json</c>).</summary>
    public bool Json { get; set; }

    /// <summary>Whether demonstrations print their tables and progress (not under <c>--quiet</c> or <c>--json</c>).</summary>
    public bool ShowsDetails => !Json && Verbosity >= HostVerbosity.Normal;

    public static HostConsole CreateDefault()
    {
        IAnsiConsole output = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            output.Profile.Width = WidthWhenRedirected(Environment.GetEnvironmentVariable("COLUMNS"));
        }

        return new HostConsole(output, System.Console.Error);
    }

    /// <summary>The width a log gets: <c>COLUMNS</c> when it is a sensible number, else <see cref="RedirectedWidth"/>.</summary>
    internal static int WidthWhenRedirected(string? columns) =>
        int.TryParse(columns, out int width) && width is >= 40 and <= 1000 ? width : RedirectedWidth;

    /// <summary>Writes one line on standard error and returns <see cref="ExitCodes.BadInput"/>.</summary>
    public int BadInput(string message)
    {
        Error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
