using System.Collections.Concurrent;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// The live figures of one <see cref="AcknowledgedIncrements"/> run, readable at any moment from another thread
/// (a status line, a report file) while acknowledgements update them concurrently. Each figure is updated
/// atomically on its own; a <see cref="Snapshot"/> reads them one after another, so it can be a few batches
/// apart between figures but never invents an increment: acknowledged is read before sent.
/// </summary>
public sealed class IncrementProgress
{
    /// <summary>A stretch without acknowledgement shorter than this is ordinary latency, not a gap.</summary>
    public static readonly TimeSpan GapThreshold = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, long> _perKey = new(StringComparer.Ordinal);
    private readonly List<AcknowledgementGap> _gaps = [];
    private readonly TimeProvider _time;
    private readonly DateTime _startedUtc;
    private long _sent, _acknowledged, _unacknowledged, _retried, _duplicates, _batches;

    /// <summary>When the last acknowledgement (or the start) happened; guarded by <see cref="_gaps"/>.</summary>
    private DateTime _lastAcknowledgedUtc;

    /// <summary>
    /// Per counter, when it last acknowledged and its own gaps; guarded by <see cref="_gaps"/>. The load's gaps end
    /// at the first acknowledgement from any counter; after a node dies its counters come back one by one (each
    /// shard is re-homed and replayed on its own), and the others acknowledge whenever the window has room, so
    /// only these show when the last counter answered again.
    /// </summary>
    private readonly Dictionary<string, DateTime> _lastAcknowledgedPerKey = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<AcknowledgementGap>> _gapsPerKey = new(StringComparer.Ordinal);

    /// <summary>Live figures timed by the system clock.</summary>
    public IncrementProgress()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Live figures timed by <paramref name="time"/> (a spec's clock).</summary>
    public IncrementProgress(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _startedUtc = _lastAcknowledgedUtc = time.GetUtcNow().UtcDateTime;
    }

    internal void Started(long amount)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _sent, amount);
    }

    internal void Retried(long amount) => Interlocked.Add(ref _retried, amount);

    internal void GaveUp(long amount) => Interlocked.Add(ref _unacknowledged, amount);

    /// <summary>Counts an acknowledgement and returns the increments acknowledged so far.</summary>
    internal long Acknowledged(string key, long amount, bool duplicate)
    {
        _perKey.AddOrUpdate(key, amount, (_, v) => v + amount);
        if (duplicate)
        {
            Interlocked.Add(ref _duplicates, amount);
        }

        DateTime now = _time.GetUtcNow().UtcDateTime;
        lock (_gaps)
        {
            if (now - _lastAcknowledgedUtc > GapThreshold)
            {
                _gaps.Add(new AcknowledgementGap(_lastAcknowledgedUtc, now));
            }

            if (now > _lastAcknowledgedUtc)
            {
                _lastAcknowledgedUtc = now;
            }

            // The same per counter; a counter's first acknowledgement is measured from the start of the load.
            DateTime keyLast = _lastAcknowledgedPerKey.GetValueOrDefault(key, _startedUtc);
            if (now - keyLast > GapThreshold)
            {
                if (!_gapsPerKey.TryGetValue(key, out List<AcknowledgementGap>? keyGaps))
                {
                    _gapsPerKey[key] = keyGaps = [];
                }

                keyGaps.Add(new AcknowledgementGap(keyLast, now));
            }

            _lastAcknowledgedPerKey[key] = now > keyLast ? now : keyLast;
        }

        return Interlocked.Add(ref _acknowledged, amount);
    }

    /// <summary>The figures now.</summary>
    public IncrementReport Snapshot()
    {
        long acknowledged = Volatile.Read(ref _acknowledged), unacknowledged = Volatile.Read(ref _unacknowledged);
        long sent = Volatile.Read(ref _sent);
        AcknowledgementGap[] gaps;
        Dictionary<string, IReadOnlyList<AcknowledgementGap>> gapsPerKey;
        Dictionary<string, DateTime> lastPerKey;
        lock (_gaps)
        {
            gaps = [.. _gaps];
            gapsPerKey = _gapsPerKey.ToDictionary(p => p.Key, p => (IReadOnlyList<AcknowledgementGap>)[.. p.Value], StringComparer.Ordinal);
            lastPerKey = new Dictionary<string, DateTime>(_lastAcknowledgedPerKey, StringComparer.Ordinal);
        }

        return new IncrementReport(
            sent,
            acknowledged,
            unacknowledged,
            Volatile.Read(ref _retried),
            Volatile.Read(ref _duplicates),
            Volatile.Read(ref _batches),
            new Dictionary<string, long>(_perKey, StringComparer.Ordinal),
            gaps,
            gapsPerKey,
            lastPerKey);
    }
}
