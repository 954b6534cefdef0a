using System.Text;

namespace ActorConcurrency.Tests.Support;

/// <summary>
/// A <see cref="StringWriter"/> that is safe to write and read from several threads at once, as <c>Console.Out</c> and
/// <c>Console.Error</c> are (both are synchronised): every write and every <see cref="ToString"/> takes one lock. A plain
/// <see cref="StringWriter"/> is not: its <see cref="StringBuilder"/> torn by two appends loses text, and read while
/// another thread appends it throws (<c>ArgumentOutOfRangeException</c>, parameter <c>chunkLength</c>).
/// </summary>
internal sealed class SynchronizedStringWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.Unicode; // what StringWriter reports: the text is kept as UTF-16

    // Every other Write and WriteLine of TextWriter ends in one of these.
    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock)
        {
            _text.Append(buffer, index, count);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_lock)
        {
            _text.Append(buffer);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    /// <summary>A line and its end in one write, as <c>Console.Out</c> writes it, so two threads' lines do not splice.</summary>
    public override void WriteLine(string? value)
    {
        lock (_lock)
        {
            _text.Append(value).Append(CoreNewLine);
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }
}
