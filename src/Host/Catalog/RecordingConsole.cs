using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorConcurrency.Host.Catalog;

/// <summary>
/// The console a demonstration prints on: forwards everything to the real (or a silent) console and keeps
/// every <see cref="Table"/> written, so <c>--json</c> can report the figures the demonstration measured
/// without each task describing them twice.
/// </summary>
internal sealed class RecordingConsole : IAnsiConsole
{
    private readonly IAnsiConsole _inner;
    private readonly List<Table> _tables = [];

    public RecordingConsole(IAnsiConsole inner) => _inner = inner;

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

    /// <summary>Takes the tables written since the last call.</summary>
    public IReadOnlyList<Table> TakeTables()
    {
        Table[] tables = [.. _tables];
        _tables.Clear();
        return tables;
    }

    public void Clear(bool home) => _inner.Clear(home);

    public void WriteAnsi(Action<AnsiWriter> action) => _inner.WriteAnsi(action);

    public void Write(IRenderable renderable)
    {
        if (renderable is Table table)
        {
            _tables.Add(table);
            TableLayout.FitWords(table, Profile.Width);
        }

        _inner.Write(renderable);
    }
}
