using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos;

/// <summary>
/// What a <see cref="NodeProcess"/> printed, as a scenario watches it: every line copied to its log files in the
/// scenario folder, the newest status line (<see cref="NodeStatus"/>), how many it printed, how many
/// <c>fault injection:</c> commands it confirmed, and the last lines of standard error for a failure message.
/// </summary>
internal sealed class NodeOutput : IDisposable
{
    private readonly StreamWriter _stdout;
    private readonly StreamWriter _stderr;
    private readonly Lock _lock = new();
    private readonly List<string> _errorLines = [];
    private NodeStatus? _status;
    private int _statusLines;
    private int _faultCommandsDone;

    /// <summary>Opens the two log files; <paramref name="commandLine"/> is the first line of the standard output log.</summary>
    public NodeOutput(string stdoutPath, string stderrPath, string commandLine)
    {
        _stdout = new StreamWriter(stdoutPath) { AutoFlush = true };
        _stderr = new StreamWriter(stderrPath) { AutoFlush = true };
        _stdout.WriteLine($"# {commandLine}");
    }

    /// <summary>The newest status line it printed, or null before the first.</summary>
    public NodeStatus? Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <summary>How many status lines it printed.</summary>
    public int StatusLines
    {
        get
        {
            lock (_lock)
            {
                return _statusLines;
            }
        }
    }

    /// <summary>How many <c>fault injection:</c> confirmations it printed.</summary>
    public int FaultCommandsDone
    {
        get
        {
            lock (_lock)
            {
                return _faultCommandsDone;
            }
        }
    }

    /// <summary>The last lines it wrote on standard error (for a failure message).</summary>
    public string LastErrors(int count)
    {
        lock (_lock)
        {
            return string.Join(" / ", _errorLines.TakeLast(count));
        }
    }

    /// <summary>A line of standard output (null at its end).</summary>
    public void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            NodeStatus? status = NodeStatus.TryParse(line, _status);
            _stdout.WriteLine(line);
            if (line.Contains(" fault injection: ", StringComparison.Ordinal))
            {
                _faultCommandsDone++;
            }

            if (status is not null)
            {
                _status = status;
                _statusLines++;
            }
        }
    }

    /// <summary>A line of standard error (null at its end).</summary>
    public void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _stderr.WriteLine(line);
            _errorLines.Add(line);
            if (_errorLines.Count > 20)
            {
                _errorLines.RemoveAt(0);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stdout.Dispose();
            _stderr.Dispose();
        }
    }
}
