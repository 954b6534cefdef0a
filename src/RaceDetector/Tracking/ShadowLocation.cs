using System.Diagnostics;
using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Clocks;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// The shadow state of one memory location (a variable, a field of one object, an element of one array):
/// what the detector knows of its past accesses, with no value in it. Every tracked type stores its value
/// beside one of these, and race mode keeps one per field or element of real objects
/// (<see cref="LocationTable"/>). Plain accesses follow FastTrack (Flanagan and Freund, PLDI 2009): the
/// last write is an epoch <c>c@t</c>, the reads an epoch while they are totally ordered and a vector clock
/// once two are concurrent ("read-shared"); an access by a thread that already made the same kind of access
/// in its current epoch is decided by one comparison, with no allocation.
/// <para>
/// Atomic accesses to the same location (<see cref="EnterAtomic(LogicalThread, AccessSite)"/>) follow Go's and TSan's rules: two atomic
/// accesses never race with each other, but an atomic access and a plain one race unless ordered, when at
/// least one of them writes ("atomic store, plain read of the same word"). An atomic load acquires from the
/// location, a store releases into it (replacing), a read-modify-write does both (adding: release
/// sequences), a failed compare-and-swap only acquires; they are in ShadowLocation.Atomics.cs.
/// </para>
/// <para>
/// A spin lock guards the shadow state; it is never held while the program's own code runs. Accesses by a
/// logical thread inside an ignore scope (<see cref="VectorClockDetector.Ignore"/>) are neither checked nor
/// remembered.
/// </para>
/// </summary>
public sealed partial class ShadowLocation
{
    // No reference to the detector: a location is the value of its object's entry in the detector's weak table, and
    // a value that reaches the table keeps it, and so itself and the whole detector, alive for as long as the object
    // lives (a static one, for good). Races are reported to the accessing thread's detector, which is this one's. The
    // options take the reference's place, so in a release build the fields lie as they did when it was the detector.
    private readonly RaceDetectorOptions _options;
#if DEBUG
    private readonly int _detectorId;
#endif

    /// <summary>Spin lock over the shadow state below.</summary>
    private int _shadowBusy;

    // Plain accesses. Clock 0 means "none": every thread's clock starts at 1, so an empty epoch is known to all.
    // An epoch is packed into one long (clock high, thread low; see Pack), so that the same-epoch checks can read it
    // in one load without the lock.
    private long _write;
    private AccessSite _writeSite;
    private StackTrace? _writeStack;

    /// <summary>The read epoch while reads are totally ordered (<see cref="_readShared"/> false); 0 while shared.</summary>
    private long _read;
    private AccessSite _readSite;
    private StackTrace? _readStack;

    /// <summary>True once two reads were concurrent: reads are then kept per thread in <see cref="_readers"/>.</summary>
    private bool _readShared;

    /// <summary>Read clock per thread while read-shared; allocated once, reused after a write resets it.</summary>
    private VectorClock? _readers;
    private AccessSite[]? _readerSites;
    private StackTrace?[]? _readerStacks;

    /// <summary>Atomic accesses and the location's release clock; allocated on the first atomic access.</summary>
    private AtomicShadow? _atomic;

    /// <summary>Creates the shadow of a location that has not been accessed yet (its initialisation is not an access).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public ShadowLocation(VectorClockDetector detector, string name)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _options = detector.Options;
#if DEBUG
        _detectorId = detector.Id;
#endif
        Name = name;
    }

    /// <summary>The name reports use (<c>counter</c>, <c>Point.X</c>, <c>a[3]</c>).</summary>
    public string Name { get; }

    /// <summary>
    /// Checks and records a plain load by <paramref name="thread"/> (call it just before or after the real
    /// load; plain accesses are not made atomic with it, so a racy program really races).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Read(LogicalThread thread, string member, string file, int line) => Read(thread, new AccessSite(member, file, line));

    /// <summary>Checks and records a plain load by <paramref name="thread"/> at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Read(LogicalThread thread, AccessSite site)
    {
        AssertSameDetector(thread);
        int id = thread.Id;
        int now = thread.Now;

        // [READ SAME EPOCH], without the lock: only this thread ever stores its own epoch, so seeing it means this read
        // is recorded (or was, until a later access that was checked against it): the check of an earlier read of the
        // same epoch stands for this one (FastTrack's rule, read as TSan's lock-free fast path does).
        if (Volatile.Read(ref _read) == Pack(id, now))
        {
            return;
        }

        EnterShadow();

        // [READ SHARED SAME EPOCH]: this thread already read in this epoch.
        if (_readShared && _readers![id] == now)
        {
            ExitShadow();
            return;
        }

        ReadSlowThenExit(thread, site);
    }

    /// <summary>Checks and records a plain store by <paramref name="thread"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(LogicalThread thread, string member, string file, int line) => Write(thread, new AccessSite(member, file, line));

    /// <summary>Checks and records a plain store by <paramref name="thread"/> at <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(LogicalThread thread, AccessSite site)
    {
        AssertSameDetector(thread);

        // [WRITE SAME EPOCH], without the lock (see Read): this thread already wrote in this epoch; any racing access
        // since was checked against that write.
        if (Volatile.Read(ref _write) == Pack(thread.Id, thread.Now))
        {
            return;
        }

        EnterShadow();
        WriteSlowThenExit(thread, site);
    }

    // ---- plain accesses (slow paths: called holding the shadow lock, release it) ----

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReadSlowThenExit(LogicalThread thread, AccessSite site)
    {
        try
        {
            if (!thread.IsIgnoring)
            {
                ReadSlow(thread, site);
            }
        }
        finally
        {
            ExitShadow();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteSlowThenExit(LogicalThread thread, AccessSite site)
    {
        try
        {
            if (!thread.IsIgnoring)
            {
                WriteSlow(thread, site);
            }
        }
        finally
        {
            ExitShadow();
        }
    }

    private void ReadSlow(LogicalThread thread, AccessSite site)
    {
        VectorClock clock = thread.Clock;
        StackTrace? stack = CaptureStack();

        // Write → read race: the last write is not known to this reader.
        CheckPlainWrite(thread, AccessKind.Read, site);
        _atomic?.CheckWrites(thread, AccessKind.Read, site);

        if (_readShared)
        {
            // [READ SHARED]
            SetReader(thread.Id, thread.Now, site, stack);
        }
        else if (ClockOf(_read) <= clock[ThreadOf(_read)])
        {
            // [READ EXCLUSIVE]: the previous read happens before this one; one epoch still says it all.
            _readSite = site;
            _readStack = stack;
            Volatile.Write(ref _read, Pack(thread.Id, thread.Now));
        }
        else
        {
            // [READ SHARE]: two concurrent reads (not a race); from now on keep one read clock per thread.
            _readShared = true;
            _readers ??= new VectorClock();
            _readers.Clear();
            SetReader(ThreadOf(_read), ClockOf(_read), _readSite, _readStack);
            SetReader(thread.Id, thread.Now, site, stack);
            Volatile.Write(ref _read, 0);
        }
    }

    private void WriteSlow(LogicalThread thread, AccessSite site)
    {
        CheckPlainWrite(thread, AccessKind.Write, site);
        CheckPlainReads(thread, AccessKind.Write, site);
        if (_atomic is { } atomic)
        {
            // Every atomic access must be known to a plain write; once it is, this write stands for them all.
            atomic.CheckWrites(thread, AccessKind.Write, site);
            atomic.CheckReads(thread, AccessKind.Write, site);
            atomic.Forget();
        }

        if (_readShared)
        {
            // After [WRITE SHARED], reads start over as an epoch: this write is after each of them (or raced with it, reported).
            _readShared = false;
        }

        _writeSite = site;
        _writeStack = CaptureStack();
        Volatile.Write(ref _write, Pack(thread.Id, thread.Now));
    }

    /// <summary>Write → access race: the last plain write is not known to <paramref name="thread"/>.</summary>
    private void CheckPlainWrite(LogicalThread thread, AccessKind kind, AccessSite site)
    {
        if (ClockOf(_write) > thread.Clock[ThreadOf(_write)])
        {
            thread.Detector.ReportRace(Name, thread, kind, site, ThreadOf(_write), ClockOf(_write), AccessKind.Write, _writeSite, _writeStack);
        }
    }

    /// <summary>Read → write race: some plain read (the epoch, or each reader when shared) is not known to <paramref name="thread"/>.</summary>
    private void CheckPlainReads(LogicalThread thread, AccessKind kind, AccessSite site)
    {
        VectorClock clock = thread.Clock;
        if (!_readShared)
        {
            // [WRITE EXCLUSIVE]
            if (ClockOf(_read) > clock[ThreadOf(_read)])
            {
                thread.Detector.ReportRace(Name, thread, kind, site, ThreadOf(_read), ClockOf(_read), AccessKind.Read, _readSite, _readStack);
            }

            return;
        }

        // [WRITE SHARED]: every reader must be known to the writer.
        VectorClock readers = _readers!;
        for (int reader = 0; reader < readers.Length; reader++)
        {
            if (readers[reader] > clock[reader])
            {
                thread.Detector.ReportRace(Name, thread, kind, site, reader, readers[reader], AccessKind.Read, _readerSites![reader], _readerStacks![reader]);
            }
        }
    }

    [Conditional("DEBUG")]
    private void AssertSameDetector(LogicalThread thread)
    {
#if DEBUG
        Debug.Assert(thread.Detector.Id == _detectorId, "the thread belongs to this location's detector");
#endif
    }

    private StackTrace? CaptureStack() => _options.KeepAccessStacks ? new StackTrace(1, fNeedFileInfo: true) : null;

    /// <summary>The epoch <c>clock@thread</c> as one value (0: none).</summary>
    private static long Pack(int thread, int clock) => ((long)clock << 32) | (uint)thread;

    private static int ThreadOf(long epoch) => (int)epoch;

    private static int ClockOf(long epoch) => (int)(epoch >> 32);

    private void SetReader(int id, int clock, AccessSite site, StackTrace? stack)
    {
        Debug.Assert(_readers is not null);
        _readers[id] = clock;
        if (_readerSites is null || _readerSites.Length < _readers.Length)
        {
            Array.Resize(ref _readerSites, _readers.Length);
            Array.Resize(ref _readerStacks, _readers.Length);
        }

        _readerSites[id] = site;
        _readerStacks![id] = stack;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnterShadow()
    {
        if (Interlocked.CompareExchange(ref _shadowBusy, 1, 0) != 0)
        {
            EnterShadowContended();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EnterShadowContended()
    {
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref _shadowBusy, 1, 0) != 0)
        {
            spin.SpinOnce();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ExitShadow() => Volatile.Write(ref _shadowBusy, 0);
}
