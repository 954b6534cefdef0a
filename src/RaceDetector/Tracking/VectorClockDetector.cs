using System.Diagnostics;
using System.Runtime.ExceptionServices;
using ActorConcurrency.RaceDetector.Clocks;
using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// A happens-before race detector in the manner of Go's <c>-race</c>, for programs written with its tracked
/// variables and tracked synchronisation primitives. Each logical thread carries a vector clock; every
/// synchronisation (go statement, join, unlock → lock, send → receive, Done → Wait, Once, atomics, actor
/// Tell → receive) moves clock knowledge from the releasing thread to the acquiring one; every access to a
/// tracked variable is checked against the variable's last write epoch and read epoch(s), FastTrack style.
/// Two accesses race when neither's epoch is known to the other's clock: this depends only on the
/// synchronisation the program did, not on the interleaving the scheduler happened to choose, so a race is
/// reported even on a run where it did no visible harm.
/// </summary>
/// <remarks>
/// A facade over three parts, each with its own lock and state: the logical threads and their ids
/// (<see cref="ThreadRegistry"/>), the happens-before log of named events and edges (<see cref="EdgeLog"/>) and the
/// races found (<see cref="RaceLog"/>). The facade moves the clocks and composes the parts.
/// </remarks>
public sealed class VectorClockDetector
{
    /// <summary>Stack of each logical thread's real thread: small, they run short exercise bodies.</summary>
    private const int ForkedStackSize = 256 * 1024;

    private static int s_lastId;

    private readonly ThreadRegistry _threads;
    private readonly EdgeLog _edges = new();
    private readonly RaceLog _races;

    /// <summary>Creates a detector; <paramref name="options"/> default to Go-like reports with edges recorded.</summary>
    public VectorClockDetector(RaceDetectorOptions? options = null)
    {
        Options = options ?? new RaceDetectorOptions();
        _threads = new ThreadRegistry(this);
        _races = new RaceLog(_threads, Options);
        Locations = new LocationTable(this);
        SyncObjects = new SyncObjectTable();
    }

    /// <summary>What the detector keeps besides the clocks.</summary>
    public RaceDetectorOptions Options { get; }

    /// <summary>
    /// This detector's number in the process: what its shadow locations check a thread against, since they hold no
    /// reference to it (<see cref="ShadowLocation"/>).
    /// </summary>
    internal int Id { get; } = Interlocked.Increment(ref s_lastId);

    /// <summary>Shadow locations of real objects' fields and array elements (race mode), keyed weakly.</summary>
    public LocationTable Locations { get; }

    /// <summary>
    /// The one lock of every tracked channel of this detector: a select waits on several channels at once, and
    /// a blocked select offers itself on each of them, so their state changes under one monitor (pulsed on
    /// every change). Simple and enough for a teaching detector; channels of two detectors never share it.
    /// </summary>
    internal object ChannelGate { get; } = new();

    /// <summary>Acquire/release on arbitrary objects (Go's <c>RaceAcquire</c>/<c>RaceRelease</c>/<c>RaceReleaseMerge</c>).</summary>
    public SyncObjectTable SyncObjects { get; }

    /// <summary>The distinct races found so far, one per pair of code sites.</summary>
    public IReadOnlyList<RaceReport> Races => _races.Races;

    /// <summary>How many distinct races (pairs of code sites) were reported.</summary>
    public int RaceCount => _races.Count;

    /// <summary>How many racing access pairs were detected in all, duplicates of a site pair included.</summary>
    public int Detections => _races.Detections;

    /// <summary>Go's closing line: <c>Found 2 data race(s)</c>.</summary>
    public string Summary => $"Found {RaceCount} data race(s)";

    /// <summary>Every synchronisation edge applied so far (empty when <see cref="RaceDetectorOptions.RecordEdges"/> is off).</summary>
    public IReadOnlyList<HappensBeforeEdge> Edges => _edges.Edges;

    /// <summary>Every logical thread created so far, by id.</summary>
    public IReadOnlyList<LogicalThread> Threads => _threads.Snapshot();

    /// <summary>
    /// Runs <paramref name="body"/> as a new root logical thread (Go's <c>main</c>) on the calling thread,
    /// then waits — without creating any happens-before edge — until every logical thread started with
    /// <see cref="Go"/> has finished and every one created with <see cref="Spawn"/> has run at least once and
    /// is not running, so the reports are complete when it returns.
    /// </summary>
    /// <exception cref="TimeoutException">Some logical thread did not finish (or a spawned one never ran) within <see cref="RaceDetectorOptions.RunTimeout"/>.</exception>
    /// <exception cref="AggregateException">Started logical threads threw (the body's own exception is rethrown as is).</exception>
    public void Run(string name, Action body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(body);
        LogicalThread root = CreateRoot(name);
        ExceptionDispatchInfo? failure = null;
        using (root.Enter())
        {
            try
            {
                body();
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }

        List<ForkedThread> forked = _threads.WaitForAll(Options.RunTimeout);
        failure?.Throw();
        Exception[] failures = forked.Where(f => f.Failure is not null).Select(f => f.Failure!).ToArray();
        if (failures.Length > 0)
        {
            throw new AggregateException($"{failures.Length} logical thread(s) failed", failures);
        }
    }

    /// <summary>
    /// A new root logical thread that knows nothing of the others (bind it with <see cref="LogicalThread.Enter"/>).
    /// Benchmarks and hosts that cannot wrap their code in <see cref="Run"/> use it.
    /// </summary>
    public LogicalThread CreateRoot(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        LogicalThread root = _threads.Add(name);
        root.Tick();
        return root;
    }

    /// <summary>
    /// The go statement: starts <paramref name="body"/> as a new logical thread on its own real thread.
    /// Everything the caller did so far happens before the body starts.
    /// </summary>
    public ForkedThread Go(string name, Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        LogicalThread child = Spawn(name);
        var forked = new ForkedThread(child, body, ForkedStackSize);
        _threads.AddForked(forked);
        forked.Start();
        return forked;
    }

    /// <summary>
    /// Forks a logical thread without a real thread: the caller's past happens before it. An actor uses one
    /// and enters it around each message (<see cref="LogicalThread.Enter"/>); a goroutine on the thread pool
    /// enters it once. <see cref="Run"/> waits until it has run at least once and is not running.
    /// </summary>
    public LogicalThread Spawn(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Fork(CurrentThread(), _threads.Add(name, spawned: true));
    }

    /// <summary>
    /// <see cref="Spawn"/> from <paramref name="parent"/>, which need not be the current logical thread (race mode
    /// forks each run of a framework callback from a logical thread that stands for its submission), and which
    /// <see cref="Run"/> does not wait for. It may take over the id of a retired thread (see <see cref="Retire"/>).
    /// The caller makes sure nothing else touches <paramref name="parent"/> meanwhile (the parent's clock ticks).
    /// </summary>
    public LogicalThread SpawnFrom(LogicalThread parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Fork(parent, _threads.Add(name, spawned: false, knowledge: parent.Clock));
    }

    /// <summary>
    /// Says <paramref name="thread"/> has finished for good (it will never run or synchronise again), so a logical
    /// thread forked later may take over its id, as Go reuses a finished goroutine's id and TSan its slot: vector
    /// clocks then stop growing with the number of threads ever started. The id is taken over only by a thread
    /// whose parent already knows everything <paramref name="thread"/> did up to <paramref name="lastEpoch"/> (its
    /// last access or release: a join acquired it), so every access it made is ordered before the new thread's, as
    /// it was anyway, and the new thread's epochs start after every epoch <paramref name="thread"/> had: sharing
    /// the id neither hides a race nor invents one. Threads from <see cref="SpawnFrom"/> are the ones reused.
    /// </summary>
    /// <param name="thread">A thread of this detector, not running now and never again.</param>
    /// <param name="lastEpoch">Its clock at its last access or release; 0 for a thread that never accessed anything.</param>
    public void Retire(LogicalThread thread, int lastEpoch)
    {
        ArgumentNullException.ThrowIfNull(thread);
        _threads.Retire(thread, lastEpoch);
    }

    private LogicalThread Fork(LogicalThread parent, LogicalThread child)
    {
        child.Label ??= parent.Label;
        child.Origin = OriginAt(parent);
        child.Clock.CopyFrom(parent.Clock);
        child.Tick();
        if (Options.RecordEdges)
        {
            RecordEdge("go statement", string.Empty, parent.Epoch, parent.Name, child);
        }

        parent.Tick();
        return child;
    }

    /// <summary>
    /// Where a thread forked from <paramref name="parent"/> now is created: the user's frames of the current stack. With
    /// none (framework code forking on the parent's behalf: a callback's run forked from its submission) it is where the
    /// parent was created, which is where the user made the callback.
    /// </summary>
    private ThreadOrigin OriginAt(LogicalThread parent)
    {
        if (!Options.KeepAccessStacks)
        {
            return new ThreadOrigin(parent.Id, parent.Name, null);
        }

        string stack = UserStack.Format(new StackTrace(2, fNeedFileInfo: true));
        return stack.Length == 0 && parent.Origin is { } inherited ? inherited : new ThreadOrigin(parent.Id, parent.Name, stack);
    }

    /// <summary>
    /// Records a named event at the current point of the current logical thread, for <see cref="Order"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An event of that name was already recorded.</exception>
    public void Event(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        LogicalThread thread = CurrentThread();
        var recorded = new NamedEvent(name, thread.Id, thread.Name, thread.Now, thread.Clock.Clone());
        _edges.AddEvent(name, recorded);

        // Each event gets its own epoch, so two events of one thread are ordered by program order.
        thread.Tick();
    }

    /// <summary>The event recorded under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such event.</exception>
    public NamedEvent GetEvent(string name) => _edges.GetEvent(name);

    /// <summary>
    /// Does A happen before B, B before A, or are they concurrent? Decided from the events' vector clocks
    /// (A → B iff A's own clock entry is known to B's clock); justified by the chain of recorded edges.
    /// </summary>
    /// <exception cref="ArgumentException">An event was not recorded, or both names are the same.</exception>
    public OrderAnswer Order(string first, string second) => _edges.Order(first, second);

    /// <summary>The logical thread running on this real thread; it must belong to this detector.</summary>
    /// <exception cref="InvalidOperationException">The caller is not running as a logical thread of this detector.</exception>
    public LogicalThread CurrentThread()
    {
        LogicalThread? current = LogicalThread.Current;
        if (current is null || current.Detector != this)
        {
            throw new InvalidOperationException(
                "Tracked operations must run on a logical thread of their detector: inside VectorClockDetector.Run, a body started with Go, or a LogicalThread.Enter scope.");
        }

        return current;
    }

    /// <summary>
    /// Acquire: <paramref name="thread"/> learns everything <paramref name="released"/> knows; the edge from
    /// the releasing epoch <paramref name="source"/> is logged when it brought news.
    /// </summary>
    internal void AcquireFrom(LogicalThread thread, VectorClock released, Epoch source, string kind, string objectName = "")
    {
        if (thread.IsIgnoring)
        {
            return;
        }

        bool news = Options.RecordEdges && source.Clock > thread.Clock[source.ThreadId];
        thread.Clock.JoinWith(released);
        if (Options.RecordEdges)
        {
            // Only the edge chains need an acquire to start an epoch (see SyncClock.Acquire).
            thread.Tick();
        }
        if (news)
        {
            RecordEdge(kind, objectName, source, NameOf(source.ThreadId), thread);
        }
    }

    /// <summary>
    /// What a release by <paramref name="thread"/> hands over (a message's clock, a Tell's stamp): a copy of its
    /// clock and its epoch, or nothing inside an ignore scope. The caller ticks the thread afterwards.
    /// </summary>
    internal static (VectorClock Clock, Epoch Epoch) ReleaseSnapshot(LogicalThread thread) =>
        thread.IsIgnoring ? (new VectorClock(), default) : (thread.Clock.Clone(), thread.Epoch);

    /// <summary>
    /// Opens an ignore scope on the current logical thread (Go's <c>RaceDisable</c>; dispose for
    /// <c>RaceEnable</c>): until it is disposed, the thread's accesses of tracked locations are neither
    /// checked nor remembered and its synchronisation creates no edge (put edges back by hand with
    /// <see cref="SyncObjects"/>, as Go's <c>RaceAcquire</c>/<c>RaceRelease</c> do). A go statement still orders. For benign races the program accepts, such as a statistics counter read without a lock.
    /// </summary>
    public IgnoreScope Ignore()
    {
        LogicalThread thread = CurrentThread();
        thread.BeginIgnore();
        return new IgnoreScope(thread);
    }

    /// <summary>Logs an edge into <paramref name="to"/>'s current epoch (call after its clock moved).</summary>
    internal void RecordEdge(string kind, string objectName, Epoch from, string fromName, LogicalThread to) =>
        _edges.Record(kind, objectName, from, fromName, to);

    /// <summary>Reports a race once per pair of code sites; counts every detection.</summary>
    internal void ReportRace(
        string variable, LogicalThread current, AccessKind currentKind, AccessSite currentSite,
        int previousThread, int previousClock, AccessKind previousKind, AccessSite previousSite, StackTrace? previousStack) =>
        _races.Report(variable, current, currentKind, currentSite, previousThread, previousClock, previousKind, previousSite, previousStack);

    /// <summary>The name of logical thread <paramref name="id"/>.</summary>
    internal string NameOf(int id) => _threads.NameOf(id);
}
