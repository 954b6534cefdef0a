using System.Globalization;
using System.Text;
using Akka.Configuration;

namespace ActorConcurrency.Actors.Hosting;

/// <summary>
/// Writes HOCON settings from typed values, so that no caller splices values into HOCON text: every string goes through
/// one quoting function (<see cref="Quote"/>), numbers are written in the invariant culture, switches as <c>on</c> /
/// <c>off</c> and lists as arrays of quoted strings. Each <c>Set</c> adds one <c>path = value</c> line; a path set twice
/// keeps the later value, as in a HOCON file.
/// </summary>
public sealed class HoconWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>Sets <paramref name="path"/> to a string, quoted: any character comes back out of the parser as it went in.</summary>
    public HoconWriter Set(string path, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Line(path, Quote(value));
    }

    /// <summary>Sets <paramref name="path"/> to a whole number.</summary>
    public HoconWriter Set(string path, int value) => Line(path, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sets <paramref name="path"/> to a switch, written <c>on</c> or <c>off</c> as Akka's own files do.</summary>
    public HoconWriter Set(string path, bool value) => Line(path, value ? "on" : "off");

    /// <summary>Sets <paramref name="path"/> to a list of strings, each quoted.</summary>
    public HoconWriter Set(string path, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Line(path, "[" + string.Join(", ", values.Select(Quote)) + "]");
    }

    /// <summary>The settings written so far, parsed.</summary>
    public Config ToConfig() => ConfigurationFactory.ParseString(_text.ToString());

    /// <summary>The HOCON text written so far, one <c>path = value</c> a line.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>
    /// <paramref name="value"/> as a quoted HOCON string: the JSON string syntax HOCON shares, which Akka's parser reads
    /// back to the same characters. A quote and a backslash are escaped, control characters are written as their escapes;
    /// everything else (<c>${</c>, <c>#</c>, <c>//</c>, separators, braces) has no meaning inside quotes and stays as it is.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                '\b' => quoted.Append("\\b"),
                '\f' => quoted.Append("\\f"),
                < ' ' => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    private HoconWriter Line(string path, string hocon)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _text.Append(path).Append(" = ").Append(hocon).Append('\n');
        return this;
    }
}
