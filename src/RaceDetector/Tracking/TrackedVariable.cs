using System.Diagnostics;
using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Clocks;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// A plain (unsynchronised) variable whose every access is checked for races, FastTrack style (Flanagan and
/// Freund, PLDI 2009). The variable keeps its last write as an epoch <c>c@t</c> and its reads as an epoch
/// while they are totally ordered, switching to a vector clock only once two reads are concurrent
/// ("read-shared"). An access by a thread that already made the same kind of access in its current epoch
/// (the common case in a loop) is decided by one comparison: no allocation, no vector operation.
/// <para>
/// The value itself is stored and loaded outside the shadow state's lock, as a plain field: the program
/// really races when it races (a racy counter really loses updates), the detector only watches.
/// </para>
/// </summary>
/// <typeparam name="T">The variable's type.</typeparam>
public sealed class TrackedVariable<T>
{
    private readonly VectorClockDetector _detector;

    /// <summary>The program's value: a plain field, deliberately.</summary>
    private T _value;

    /// <summary>Spin lock over the shadow state below (not over <see cref="_value"/>).</summary>
    private int _shadowBusy;

    // Shadow state. Clock 0 means "none": every thread's clock starts at 1, so an empty epoch is known to all.
    private int _writeThread;
    private int _writeClock;
    private AccessSite _writeSite;
    private StackTrace? _writeStack;

    /// <summary>The read epoch while reads are totally ordered (<see cref="_readShared"/> false).</summary>
    private int _readThread;
    private int _readClock;
    private AccessSite _readSite;
    private StackTrace? _readStack;

    /// <summary>True once two reads were concurrent: reads are then kept per thread in <see cref="_readers"/>.</summary>
    private bool _readShared;

    /// <summary>Read clock per thread while read-shared; allocated once, reused after a write resets it.</summary>
    private VectorClock? _readers;
    private AccessSite[]? _readerSites;
    private StackTrace?[]? _readerStacks;

    /// <summary>Creates a tracked variable holding <paramref name="initial"/> (its initialisation is not an access).</summary>
    public TrackedVariable(VectorClockDetector detector, string name, T initial = default!)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _detector = detector;
        Name = name;
        _value = initial;
    }

    /// <summary>The name reports use.</summary>
    public string Name { get; }

    /// <summary>The value, without any check (for printing after the program's threads are joined).</summary>
    public T Peek() => _value;

    /// <summary>A checked load.</summary>
    public T Read([CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        LogicalThread thread = _detector.CurrentThread();
        int id = thread.Id;
        int now = thread.Now;
        EnterShadow();

        // [READ SAME EPOCH] / [READ SHARED SAME EPOCH]: this thread already read in this epoch.
        if (_readShared ? _readers![id] == now : _readThread == id && _readClock == now)
        {
            ExitShadow();
        }
        else
        {
            try
            {
                ReadSlow(thread, new AccessSite(member, file, line));
            }
            finally
            {
                ExitShadow();
            }
        }

        return _value;
    }

    /// <summary>A checked store.</summary>
    public void Write(T value, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        LogicalThread thread = _detector.CurrentThread();
        EnterShadow();

        // [WRITE SAME EPOCH]: this thread already wrote in this epoch; any racing read since was caught then.
        if (_writeThread == thread.Id && _writeClock == thread.Now)
        {
            ExitShadow();
        }
        else
        {
            try
            {
                WriteSlow(thread, new AccessSite(member, file, line));
            }
            finally
            {
                ExitShadow();
            }
        }

        _value = value;
    }

    private void ReadSlow(LogicalThread thread, AccessSite site)
    {
        VectorClock clock = thread.Clock;
        StackTrace? stack = _detector.Options.KeepAccessStacks ? new StackTrace(2, fNeedFileInfo: true) : null;

        // Write → read race: the last write is not known to this reader.
        if (_writeClock > clock[_writeThread])
        {
            _detector.ReportRace(Name, thread, AccessKind.Read, site, _writeThread, AccessKind.Write, _writeSite, _writeStack);
        }

        if (_readShared)
        {
            // [READ SHARED]
            SetReader(thread.Id, thread.Now, site, stack);
        }
        else if (_readClock <= clock[_readThread])
        {
            // [READ EXCLUSIVE]: the previous read happens before this one; one epoch still says it all.
            _readThread = thread.Id;
            _readClock = thread.Now;
            _readSite = site;
            _readStack = stack;
        }
        else
        {
            // [READ SHARE]: two concurrent reads (not a race); from now on keep one read clock per thread.
            _readShared = true;
            _readers ??= new VectorClock();
            _readers.Clear();
            SetReader(_readThread, _readClock, _readSite, _readStack);
            SetReader(thread.Id, thread.Now, site, stack);
        }
    }

    private void WriteSlow(LogicalThread thread, AccessSite site)
    {
        VectorClock clock = thread.Clock;

        // Write → write race.
        if (_writeClock > clock[_writeThread])
        {
            _detector.ReportRace(Name, thread, AccessKind.Write, site, _writeThread, AccessKind.Write, _writeSite, _writeStack);
        }

        if (!_readShared)
        {
            // Read → write race against the single read epoch. [WRITE EXCLUSIVE]
            if (_readClock > clock[_readThread])
            {
                _detector.ReportRace(Name, thread, AccessKind.Write, site, _readThread, AccessKind.Read, _readSite, _readStack);
            }
        }
        else
        {
            // [WRITE SHARED]: every reader must be known to the writer; then reads start over as an epoch.
            VectorClock readers = _readers!;
            for (int reader = 0; reader < readers.Length; reader++)
            {
                if (readers[reader] > clock[reader])
                {
                    _detector.ReportRace(Name, thread, AccessKind.Write, site, reader, AccessKind.Read, _readerSites![reader], _readerStacks![reader]);
                }
            }

            _readShared = false;
            _readThread = 0;
            _readClock = 0;
        }

        _writeThread = thread.Id;
        _writeClock = thread.Now;
        _writeSite = site;
        _writeStack = _detector.Options.KeepAccessStacks ? new StackTrace(2, fNeedFileInfo: true) : null;
    }

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

    private void EnterShadowContended()
    {
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref _shadowBusy, 1, 0) != 0)
        {
            spin.SpinOnce();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ExitShadow() => Volatile.Write(ref _shadowBusy, 0);
}
