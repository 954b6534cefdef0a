using System.Diagnostics;
using ActorConcurrency.RaceDetector.Clocks;
using ActorConcurrency.RaceDetector.Sync;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// The atomic half of a <see cref="ShadowLocation"/>: the last atomic read and write of each thread (atomic
/// accesses of many threads are concurrent by design, so one epoch cannot hold them), and the location's
/// release clock. A plain access checks against these; atomic accesses never check against each other.
/// Guarded by the location's shadow lock.
/// </summary>
internal sealed class AtomicShadow
{
    private readonly string _name;
    private readonly VectorClock _writes = new();
    private readonly VectorClock _reads = new();
    private AccessSite[] _writeSites = new AccessSite[4];
    private StackTrace?[] _writeStacks = new StackTrace?[4];
    private AccessSite[] _readSites = new AccessSite[4];
    private StackTrace?[] _readStacks = new StackTrace?[4];

    /// <summary>Whether any atomic write / read is remembered (a plain write that follows them all forgets them).</summary>
    private bool _anyWrite;
    private bool _anyRead;

    public AtomicShadow(string name)
    {
        _name = name;
        Clock = new SyncClock(name);
    }

    /// <summary>What atomic stores and read-modify-writes released into the location.</summary>
    public SyncClock Clock { get; }

    public void RecordWrite(LogicalThread thread, AccessSite site, StackTrace? stack)
    {
        _writes[thread.Id] = thread.Now;
        Remember(ref _writeSites, ref _writeStacks, thread.Id, site, stack);
        _anyWrite = true;
    }

    public void RecordRead(LogicalThread thread, AccessSite site, StackTrace? stack)
    {
        _reads[thread.Id] = thread.Now;
        Remember(ref _readSites, ref _readStacks, thread.Id, site, stack);
        _anyRead = true;
    }

    /// <summary>Atomic write → plain access races: some thread's last atomic write is not known to <paramref name="thread"/>.</summary>
    public void CheckWrites(LogicalThread thread, AccessKind kind, AccessSite site)
    {
        if (_anyWrite)
        {
            Check(_writes, _writeSites, _writeStacks, AccessKind.AtomicWrite, thread, kind, site);
        }
    }

    /// <summary>Atomic read → plain write races.</summary>
    public void CheckReads(LogicalThread thread, AccessKind kind, AccessSite site)
    {
        if (_anyRead)
        {
            Check(_reads, _readSites, _readStacks, AccessKind.AtomicRead, thread, kind, site);
        }
    }

    /// <summary>A plain write ordered after (or racing with, reported) every atomic access stands for them from now on.</summary>
    public void Forget()
    {
        if (_anyWrite)
        {
            _writes.Clear();
            _anyWrite = false;
        }

        if (_anyRead)
        {
            _reads.Clear();
            _anyRead = false;
        }
    }

    private void Check(VectorClock accesses, AccessSite[] sites, StackTrace?[] stacks, AccessKind previousKind, LogicalThread thread, AccessKind kind, AccessSite site)
    {
        VectorClock clock = thread.Clock;
        for (int other = 0; other < accesses.Length; other++)
        {
            if (accesses[other] > clock[other])
            {
                thread.Detector.ReportRace(_name, thread, kind, site, other, accesses[other], previousKind, sites[other], stacks[other]);
            }
        }
    }

    private static void Remember(ref AccessSite[] sites, ref StackTrace?[] stacks, int id, AccessSite site, StackTrace? stack)
    {
        if (id >= sites.Length)
        {
            int length = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)id + 1);
            Array.Resize(ref sites, length);
            Array.Resize(ref stacks, length);
        }

        sites[id] = site;
        stacks[id] = stack;
    }
}
