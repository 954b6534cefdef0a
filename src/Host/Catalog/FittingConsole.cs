using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorConcurrency.Host.Catalog;

/// <summary>
/// The console a demonstration prints on: forwards everything to the real (or a silent) console, and fits every
/// <see cref="Table"/> written to its width without breaking a word (<see cref="TableLayout.FitWords"/>), so no
/// renderer has to remember to.
/// </summary>
internal sealed class FittingConsole : IAnsiConsole
{
    private readonly IAnsiConsole _inner;

    public FittingConsole(IAnsiConsole inner) => _inner = inner;

    /// <summary>A console that prints nothing (under <c>--quiet</c> and <c>--json</c>), same width as <paramref name="like"/>.</summary>
    public static IAnsiConsole Silent(IAnsiConsole like)
    {
        IAnsiConsole silent = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(TextWriter.Null),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        silent.Profile.Width = like.Profile.Width;
        return silent;
    }

    public Profile Profile => _inner.Profile;

    public IAnsiConsoleCursor Cursor => _inner.Cursor;

    public IAnsiConsoleInput Input => _inner.Input;

    public IExclusivityMode ExclusivityMode => _inner.ExclusivityMode;

    public RenderPipeline Pipeline => _inner.Pipeline;

    public void Clear(bool home) => _inner.Clear(home);

    public void WriteAnsi(Action<AnsiWriter> action) => _inner.WriteAnsi(action);

    public void Write(IRenderable renderable)
    {
        if (renderable is Table table)
        {
            TableLayout.FitWords(table, Profile.Width);
        }

        _inner.Write(renderable);
    }
}
