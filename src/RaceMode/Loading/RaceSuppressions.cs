using System.Text.RegularExpressions;
using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceMode.Loading;

/// <summary>
/// A suppressions file in ThreadSanitizer's syntax, for benign races in code the user does not own (a library that
/// accepts a racy flag by design): one <c>race:PATTERN</c> per line, <c>#</c> comments, blank lines. A pattern
/// matches a report when it matches the raced variable (<c>LruItem.wasAccessed</c>) or any function or source file
/// of either access's stack or site, as TSan matches; <c>*</c> is any text, a leading <c>^</c> and a trailing
/// <c>$</c> anchor it, otherwise it matches anywhere in the name.
/// </summary>
public sealed class RaceSuppressions
{
    private readonly List<(string Text, Regex Pattern)> _patterns;
    private readonly Dictionary<string, int> _hits = new(StringComparer.Ordinal);

    private RaceSuppressions(List<(string Text, Regex Pattern)> patterns) => _patterns = patterns;

    /// <summary>No suppressions.</summary>
    public static RaceSuppressions None => new([]);

    /// <summary>How many races each pattern (as written, <c>race:…</c>) suppressed so far.</summary>
    public IReadOnlyDictionary<string, int> Hits
    {
        get
        {
            lock (_hits)
            {
                return new Dictionary<string, int>(_hits, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Reads the suppressions file at <paramref name="path"/>; null or empty means none.</summary>
    /// <exception cref="RaceInputException">The file cannot be read, or a line is not <c>race:PATTERN</c>.</exception>
    public static RaceSuppressions Load(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return None;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new RaceInputException($"cannot read the suppressions file '{path}': {e.Message} (give a readable file of race:PATTERN lines)", e);
        }

        return Parse(lines, path);
    }

    /// <summary>Parses suppression <paramref name="lines"/> (<paramref name="source"/> names them in errors).</summary>
    /// <exception cref="RaceInputException">A line is not <c>race:PATTERN</c>.</exception>
    public static RaceSuppressions Parse(IEnumerable<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var patterns = new List<(string, Regex)>();
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string kind = colon < 0 ? string.Empty : line[..colon];
            string pattern = colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
            if (kind != "race" || pattern.Length == 0)
            {
                string why = colon > 0 && kind is "thread" or "mutex" or "signal" or "deadlock" or "called_from_lib"
                    ? $"'{kind}:' suppressions are TSan's for what race mode does not report; only race: applies"
                    : "expected race:PATTERN";
                throw new RaceInputException($"suppressions file '{source}' line {number}: '{line}': {why}");
            }

            patterns.Add(($"race:{pattern}", ToRegex(pattern)));
        }

        return new RaceSuppressions(patterns);
    }

    /// <summary>The pattern (<c>race:…</c>) that suppresses <paramref name="report"/>, counted, or null when none does.</summary>
    public string? Match(RaceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (_patterns.Count == 0)
        {
            return null;
        }

        string[] names = [.. Names(report)];
        foreach ((string text, Regex pattern) in _patterns)
        {
            if (names.Any(pattern.IsMatch))
            {
                lock (_hits)
                {
                    _hits[text] = _hits.GetValueOrDefault(text) + 1;
                }

                return text;
            }
        }

        return null;
    }

    /// <summary>What a pattern is matched against: the variable, and the functions and files of both accesses.</summary>
    private static IEnumerable<string> Names(RaceReport report)
    {
        yield return report.Variable;
        foreach (RaceAccess access in new[] { report.Current, report.Previous })
        {
            yield return FriendlyNames.Member(access.Site.Member);
            yield return access.Site.File;
            foreach (string line in (access.Stack ?? string.Empty).Split('\n'))
            {
                string frame = line.TrimEnd('\r');
                if (frame.StartsWith("      ", StringComparison.Ordinal))
                {
                    // "      /path/File.cs:13": the file.
                    string file = frame.Trim();
                    int colon = file.LastIndexOf(':');
                    yield return colon > 0 ? file[..colon] : file;
                }
                else if (frame.StartsWith("  ", StringComparison.Ordinal))
                {
                    // "  Namespace.Type.Method()": the function.
                    yield return frame.Trim().TrimEnd(')').TrimEnd('(');
                }
            }
        }
    }

    private static Regex ToRegex(string pattern)
    {
        bool start = pattern.StartsWith('^');
        bool end = pattern.EndsWith('$') && pattern.Length > (start ? 1 : 0);
        string body = pattern[(start ? 1 : 0)..(end ? pattern.Length - 1 : pattern.Length)];
        string regex = string.Join(".*", body.Split('*').Select(Regex.Escape));
        return new Regex((start ? "^" : string.Empty) + regex + (end ? "$" : string.Empty), RegexOptions.CultureInvariant);
    }
}
