using ActorConcurrency.RaceDetector.Clocks;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// The vector clock of one synchronisation object: releases put the releasing thread's knowledge in it,
/// acquires take it out. Callers hold the object's own lock around every call. When edges are recorded it
/// also remembers which release epochs its clock holds, so an acquire can log "who synchronised with whom".
/// A thread inside an ignore scope neither releases nor acquires (Go ignores its synchronisation events).
/// </summary>
internal sealed class SyncClock
{
    // No reference to the detector (see ShadowLocation): the releasing or acquiring thread's detector is this one's.
    private readonly string _objectName;
    private readonly VectorClock _clock = new();

    /// <summary>The release epochs folded into <see cref="_clock"/> (only when edges are recorded).</summary>
    private readonly List<Epoch> _sources = [];

    public SyncClock(string objectName) => _objectName = objectName;

    /// <summary>Release that replaces what the object knew (a mutex unlock, an atomic store).</summary>
    public void ReleaseCopy(LogicalThread thread)
    {
        if (thread.IsIgnoring)
        {
            return;
        }

        _clock.CopyFrom(thread.Clock);
        if (thread.Detector.Options.RecordEdges)
        {
            _sources.Clear();
            _sources.Add(thread.Epoch);
        }

        thread.Tick();
    }

    /// <summary>Release that adds to what the object knew (RUnlock, WaitGroup.Done, an atomic read-modify-write).</summary>
    public void ReleaseJoin(LogicalThread thread)
    {
        if (thread.IsIgnoring)
        {
            return;
        }

        _clock.JoinWith(thread.Clock);
        if (thread.Detector.Options.RecordEdges)
        {
            _sources.Add(thread.Epoch);
        }

        thread.Tick();
    }

    /// <summary>Acquire: the thread learns everything released into this object so far.</summary>
    public void Acquire(LogicalThread thread, string kind)
    {
        if (thread.IsIgnoring)
        {
            return;
        }

        if (thread.Detector.Options.RecordEdges)
        {
            AcquireRecordingEdges(thread, kind);
            return;
        }

        // The fast path allocates nothing (the recording path's lambda lives in its own method, because a
        // closure over a parameter is allocated on entry to the method that declares it). It does not start a new
        // epoch: FastTrack's acquire only joins (only a release must tell the accesses before it from those after),
        // so accesses after an acquire that repeat ones of the same epoch stay on the same-epoch fast path. The
        // recording path does tick: an edge's chain tells an access after the acquire by its later epoch.
        thread.Clock.JoinWith(_clock);
    }

    private void AcquireRecordingEdges(LogicalThread thread, string kind)
    {
        // Only releases the thread did not know yet are edges worth showing; the others reached it earlier.
        Epoch[] news = _sources.Where(s => s.Clock > thread.Clock[s.ThreadId] && s.ThreadId != thread.Id).ToArray();
        thread.Clock.JoinWith(_clock);
        thread.Tick();
        foreach (Epoch source in news)
        {
            thread.Detector.RecordEdge(kind, _objectName, source, thread.Detector.NameOf(source.ThreadId), thread);
        }
    }

    /// <summary>Adds what <paramref name="other"/> knows to this clock (a release made on another thread's behalf).</summary>
    public void JoinFrom(VectorClock other) => _clock.JoinWith(other);

    /// <summary>A copy of what this clock knows.</summary>
    public VectorClock Snapshot()
    {
        var copy = new VectorClock();
        copy.CopyFrom(_clock);
        return copy;
    }

    /// <summary>Drops the remembered release epochs (their knowledge stays in the clock).</summary>
    public void ForgetSources() => _sources.Clear();
}
