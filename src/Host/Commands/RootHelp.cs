using System.CommandLine;
using System.Text;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// The <c>--help</c> of a command with subcommands (the root, <c>race</c>): System.CommandLine lists every subcommand
/// argument as required (<c>hb &lt;scenario&gt;</c>, <c>exec &lt;app&gt; &lt;args&gt;</c>), which sends users looking for a
/// scenario they need not give. This relabels optional ones (<c>hb [&lt;scenario&gt;]</c>, <c>tour [&lt;tasks&gt;...]</c>,
/// <c>exec &lt;app&gt; [&lt;args&gt;...]</c>) and realigns the commands' descriptions, wrapped again between words to
/// <c>width</c> (the labels grew, so the column moved).
/// </summary>
internal static class RootHelp
{
    public static string LabelOptionalArguments(string help, Command parent, int width)
    {
        string[] lines = help.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = Array.IndexOf(lines, "Commands:");
        if (start < 0)
        {
            return help;
        }

        // The section: "  label  description" rows, possibly with indented continuation lines, up to a blank line.
        var rows = new List<(string Label, List<string> Text)>();
        int end = start + 1;
        for (; end < lines.Length && lines[end].Length > 0; end++)
        {
            string line = lines[end];
            string trimmed = line.TrimStart();
            int gap = trimmed.IndexOf("  ", StringComparison.Ordinal);
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal) && gap > 0)
            {
                rows.Add((Relabel(trimmed[..gap], parent), [trimmed[gap..].Trim()]));
            }
            else if (rows.Count > 0)
            {
                rows[^1].Text.Add(trimmed);
            }
        }

        int column = rows.Count == 0 ? 0 : rows.Max(r => r.Label.Length) + 2;
        var text = new StringBuilder();
        foreach (string line in lines[..(start + 1)])
        {
            text.Append(line).Append('\n');
        }

        foreach (var (label, description) in rows)
        {
            IReadOnlyList<string> wrapped = Wrap(string.Join(' ', description), Math.Max(20, width - column - 2));
            text.Append("  ").Append(label.PadRight(column)).Append(wrapped[0]).Append('\n');
            foreach (string more in wrapped.Skip(1))
            {
                text.Append(' ', column + 2).Append(more).Append('\n');
            }
        }

        text.Append(string.Join("\n", lines[end..]));
        return text.ToString();
    }

    /// <summary>Lines of at most <paramref name="width"/> characters, broken between words (a longer word stands alone).</summary>
    private static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static string Relabel(string label, Command parent)
    {
        string name = label.Split(' ')[0];
        Command? command = parent.Subcommands.FirstOrDefault(c => c.Name == name);
        if (command is null || !command.Arguments.Any(a => a.Arity.MinimumNumberOfValues == 0))
        {
            return label;
        }

        return name + " " + string.Join(" ", command.Arguments.Select(a =>
        {
            string many = a.Arity.MaximumNumberOfValues > 1 ? "..." : "";
            return a.Arity.MinimumNumberOfValues == 0 ? $"[<{a.Name}>{many}]" : $"<{a.Name}>{many}";
        }));
    }
}
