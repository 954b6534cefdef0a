using System.Diagnostics;
using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// The races one <see cref="VectorClockDetector"/> found: every detection counted, one report kept per pair of
/// code sites, each new report handed to <see cref="RaceDetectorOptions.OnRace"/>. One lock guards the reports;
/// the threads are named from the detector's <see cref="ThreadRegistry"/>.
/// </summary>
internal sealed class RaceLog
{
    private readonly ThreadRegistry _threads;
    private readonly RaceDetectorOptions _options;

    private readonly object _gate = new();
    private readonly List<RaceReport> _races = [];
    private readonly HashSet<(string, string)> _reportedSitePairs = [];
    private int _detections;

    public RaceLog(ThreadRegistry threads, RaceDetectorOptions options)
    {
        _threads = threads;
        _options = options;
    }

    /// <summary>The distinct races found so far, one per pair of code sites.</summary>
    public IReadOnlyList<RaceReport> Races
    {
        get
        {
            lock (_gate)
            {
                return _races.ToArray();
            }
        }
    }

    /// <summary>How many distinct races (pairs of code sites) were reported.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _races.Count;
            }
        }
    }

    /// <summary>How many racing access pairs were detected in all, duplicates of a site pair included.</summary>
    public int Detections => Volatile.Read(ref _detections);

    /// <summary>Reports a race once per pair of code sites; counts every detection.</summary>
    public void Report(
        string variable, LogicalThread current, AccessKind currentKind, AccessSite currentSite,
        int previousThread, int previousClock, AccessKind previousKind, AccessSite previousSite, StackTrace? previousStack)
    {
        Interlocked.Increment(ref _detections);
        string a = currentSite.Key;
        string b = previousSite.Key;
        (string, string) pair = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
        lock (_gate)
        {
            if (!_reportedSitePairs.Add(pair))
            {
                return;
            }
        }

        // Outside the lock: capturing a stack takes microseconds. The detector's own frames are left out by UserStack.
        LogicalThread? previous = _threads.HolderOf(previousThread, previousClock);
        var report = new RaceReport(
            variable,
            new RaceAccess(currentKind, FriendlyNames.Thread(current.Name), current.Id, currentSite, UserStack.Format(new StackTrace(1, fNeedFileInfo: true)), current.Label, current.Origin),
            new RaceAccess(
                previousKind, previous is null ? $"#{previousThread}" : FriendlyNames.Thread(previous.Name), previousThread, previousSite,
                previousStack is null ? null : UserStack.Format(previousStack), previous?.Label, previous?.Origin));
        lock (_gate)
        {
            _races.Add(report);
        }

        _options.OnRace?.Invoke(report);
    }
}
