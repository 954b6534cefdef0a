using System.Text.RegularExpressions;
using ActorConcurrency.Tests.Support;
using Spectre.Console;

namespace ActorConcurrency.Tests.Catalog;

/// <summary>
/// The console the host specs capture is written by several threads at once, as a terminal is: the demonstration's
/// own lines, Spectre's status/progress refresh thread, the Ctrl+C path showing the cursor again, while the spec
/// reads what was printed so far to decide when to press Ctrl+C. Nothing may be lost, torn or thrown.
/// </summary>
public sealed partial class CapturedConsoleSpec
{
    private const int LinesPerWriter = 5_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Lines_written_from_two_threads_while_a_spec_reads_are_all_kept_whole(bool emitAnsiSequences)
    {
        var console = new CapturedConsole(120, emitAnsiSequences);
        IAnsiConsole output = console.Host.Output;
        using var start = new Barrier(3);
        Task demonstration = Task.Run(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < LinesPerWriter; i++)
            {
                output.MarkupLine($"main {i}");
            }
        });
        Task refresher = Task.Run(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < LinesPerWriter; i++)
            {
                output.Write(new Text($"status {i}\n"));
                output.Cursor.Show(i % 2 == 0);
            }
        });
        Task writers = Task.WhenAll(demonstration, refresher);
        Task reader = Task.Run(() =>
        {
            start.SignalAndWait();
            while (!writers.IsCompleted)
            {
                _ = console.Output; // as RunAndInterruptAsync polls for the line after which it presses Ctrl+C
            }
        });

        await Task.WhenAll(writers, reader);

        string[] lines = CursorSequence().Replace(console.Output, "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] expected = [.. Enumerable.Range(0, LinesPerWriter).SelectMany(i => new[] { $"main {i}", $"status {i}" })];
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Select(l => l.TrimEnd('\r')).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("\u001b\\[\\?25[hl]")]
    private static partial Regex CursorSequence();
}
