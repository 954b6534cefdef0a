using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorConcurrency.Host.Catalog;

/// <summary>
/// Keeps words whole when a table is wider than the console. Spectre.Console narrows every wide column to the
/// same width, which splits long identifiers (<c>DeferredPromotionL</c>/<c>ruCache</c>) while short columns keep
/// room to spare; this gives each column at least its longest word and shares what is left by how much each
/// column wants beyond that, so a table that can fit without breaking a word does.
/// </summary>
internal static class TableLayout
{
    /// <summary>Fixes the column widths of <paramref name="table"/> for a console <paramref name="width"/> wide, when it would wrap.</summary>
    public static void FitWords(Table table, int width)
    {
        int columns = table.Columns.Count;
        if (columns == 0 || table.Columns.Any(c => c.Width is not null))
        {
            return;
        }

        var longestLine = new int[columns];
        var longestWord = new int[columns];
        for (int c = 0; c < columns; c++)
        {
            Measure(table.Columns[c].Header, ref longestLine[c], ref longestWord[c]);
        }

        foreach (TableRow row in table.Rows)
        {
            int c = 0;
            foreach (IRenderable cell in row)
            {
                if (c < columns)
                {
                    Measure(cell, ref longestLine[c], ref longestWord[c]);
                }

                c++;
            }
        }

        // A rounded border with padding 1 on each side: one bar, then "␠cell␠│" per column.
        int available = width - (1 + (3 * columns));
        int wanted = longestLine.Sum(), least = longestWord.Sum();
        if (wanted <= available || least > available)
        {
            return; // fits as it is, or cannot fit without breaking a word whatever the widths
        }

        int spare = available - least, extra = wanted - least;
        for (int c = 0; c < columns; c++)
        {
            int share = extra == 0 ? 0 : (int)((long)spare * (longestLine[c] - longestWord[c]) / extra);
            table.Columns[c].Width = Math.Min(longestLine[c], longestWord[c] + share);
        }
    }

    /// <summary>What a renderable prints, without colours, at a width where nothing wraps.</summary>
    private static string PlainText(IRenderable renderable)
    {
        var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 10_000;
        console.Write(renderable);
        return string.Join("\n", writer.ToString().Split('\n').Select(l => l.TrimEnd())).Trim();
    }

    private static void Measure(IRenderable renderable, ref int longestLine, ref int longestWord)
    {
        foreach (string line in PlainText(renderable).Split('\n'))
        {
            longestLine = Math.Max(longestLine, line.Length);
            foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                longestWord = Math.Max(longestWord, word.Length);
            }
        }
    }
}
