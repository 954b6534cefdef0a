using System.Globalization;
using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceMode.Loading;

/// <summary>
/// Prints races as they are found, for <c>exec</c> and <c>test</c>, by the options of <see cref="RaceOptions"/>: a report
/// that a suppression matches is counted and not printed; the others go to the console or, with <c>log_path</c>, to
/// <c>log_path.&lt;pid&gt;</c> (one file per process, as Go), with <c>strip_path_prefix</c> cut from their paths; with
/// <c>halt_on_error</c> the first one printed stops the process with the race exit code.
/// </summary>
internal sealed class RaceReporter : IDisposable
{
    private readonly RaceOptions _options;
    private readonly TextWriter _console;
    private readonly TextWriter _reports;
    private readonly StreamWriter? _log;
    private readonly Action<int> _halt;
    private int _printed;

    /// <param name="options">The run's options.</param>
    /// <param name="console">Where the command prints.</param>
    /// <param name="suppressions">The suppressions to apply.</param>
    /// <param name="halt">Ends the process with an exit code (<see cref="Environment.Exit"/>; a spec passes its own).</param>
    /// <exception cref="RaceInputException">The log file cannot be created.</exception>
    public RaceReporter(RaceOptions options, TextWriter console, RaceSuppressions suppressions, Action<int>? halt = null)
    {
        _options = options;
        _console = console;
        Suppressions = suppressions;
        _halt = halt ?? Environment.Exit;
        if (options.LogPath is { } path)
        {
            LogFile = $"{path}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
            try
            {
                _log = new StreamWriter(LogFile, append: false) { AutoFlush = true };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                throw new RaceInputException($"cannot write the log file '{LogFile}' (log_path): {e.Message}", e);
            }
        }

        _reports = _log is null ? console : TextWriter.Synchronized(_log);
    }

    /// <summary>The suppressions applied.</summary>
    public RaceSuppressions Suppressions { get; }

    /// <summary>The file reports go to (<c>log_path.&lt;pid&gt;</c>), or null for the console.</summary>
    public string? LogFile { get; }

    /// <summary>How many races were printed (not suppressed).</summary>
    public int Printed => Volatile.Read(ref _printed);

    /// <summary>
    /// Prints <paramref name="report"/> unless a suppression matches it; under halt_on_error, then ends the process
    /// (<paramref name="stopping"/> says what was running). Returns whether it was printed.
    /// </summary>
    public bool Report(RaceReport report, string? stopping = null)
    {
        if (Suppressions.Match(report) is not null)
        {
            return false;
        }

        lock (_reports)
        {
            _reports.WriteLine(report.Format(_options.StripPathPrefix));
            _reports.Flush();
        }

        Interlocked.Increment(ref _printed);
        if (_options.HaltOnError)
        {
            lock (_console)
            {
                _console.WriteLine($"race-mode: halt_on_error: stopped at the first race{(stopping is null ? string.Empty : $" ({stopping})")}, exit {_options.ExitCode}");
                _console.Flush();
            }

            _log?.Flush();
            _halt(_options.ExitCode);
        }

        return true;
    }

    /// <summary>Go's closing line (<c>Found N data race(s)</c>, where the reports went), the suppressed ones, and where the reports are.</summary>
    public void WriteSummary()
    {
        lock (_reports)
        {
            if (Printed > 0)
            {
                _reports.WriteLine($"Found {Printed} data race(s)");
                _reports.Flush();
            }
        }

        lock (_console)
        {
            IReadOnlyDictionary<string, int> hits = Suppressions.Hits;
            if (hits.Count > 0)
            {
                _console.WriteLine($"race-mode: suppressed {hits.Values.Sum()} race(s): {string.Join(", ", hits.Select(h => $"{h.Key} ({h.Value})"))}");
            }

            if (LogFile is not null)
            {
                _console.WriteLine($"race-mode: {Printed} race report(s) written to {LogFile}");
            }
        }
    }

    public void Dispose() => _log?.Dispose();
}
