using ActorConcurrency.Host.Commands;
using Spectre.Console;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.Support;

/// <summary>
/// The terminal a spec gives the host: a Spectre test console and a standard error, both kept as text. The host writes
/// its output from several threads at once (the demonstration, Spectre's status refresh thread, the Ctrl+C path showing
/// the cursor, which bypasses Spectre's render lock) and a spec reads it while the host runs, so both writers are
/// synchronised like the <c>Console.Out</c> and <c>Console.Error</c> they stand for: <see cref="TestConsole"/>'s own
/// <see cref="StringWriter"/> is not, and is replaced.
/// </summary>
internal sealed class CapturedConsole
{
    private readonly SynchronizedStringWriter _output = new();
    private readonly SynchronizedStringWriter _error = new();

    public CapturedConsole(int width, bool emitAnsiSequences = false)
    {
        var console = new TestConsole();
        if (emitAnsiSequences)
        {
            console.EmitAnsiSequences();
        }

        console.Profile.Out = new AnsiConsoleOutput(_output);
        console.Profile.Width = width; // after Out, which resets the width and height of a console that is not a TTY
        console.Profile.Height = 24; // TestConsole's
        Host = new HostConsole(console, _error);
    }

    /// <summary>The console the host runs on.</summary>
    public HostConsole Host { get; }

    /// <summary>What the host has printed on standard output so far.</summary>
    public string Output => _output.ToString();

    /// <summary>What the host has printed on standard error so far.</summary>
    public string Error => _error.ToString();
}
