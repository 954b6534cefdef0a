using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// One race-mode run: the detector whose logical threads the rewritten code runs on, the shadow memory of every
/// location it touched and the clocks of every synchronisation object it used. Rewritten code reports to the
/// session that is active; one session is active at a time (<see cref="Run"/> refuses a second).
/// </summary>
public sealed class RaceSession
{
    private static RaceSession? s_active;

    private readonly ConditionalWeakTable<object, object> _syncClocks = new();
    private readonly ConditionalWeakTable<object, object> _aliases = new();
    private readonly ConditionalWeakTable<object, List<object>> _links = new();
    /// <summary>Whether any alias or link was made: until then the hot paths skip looking for one.</summary>
    private volatile bool _aliased;
    private volatile bool _linked;
    private long _unboundAccesses;
    private long _globalAcquisitions;

    private RaceSession(RaceDetectorOptions options)
    {
        Detector = new VectorClockDetector(options);
        Backend = new CoreBackend(Detector);
        Shadow = new ShadowMemory(Backend);
        Global = Backend.NewSync("any completion");
    }

    /// <summary>
    /// Go-like reports (both stacks), without the log of every synchronisation edge: race mode never asks for the
    /// chain that orders two events, and the log (and every clock's list of release epochs) would grow with every
    /// release of a long run.
    /// </summary>
    public static RaceDetectorOptions DefaultOptions { get; } = new() { RecordEdges = false };

    /// <summary>The detector the rewritten code reports to.</summary>
    public VectorClockDetector Detector { get; }

    /// <summary>The session the rewritten code reports to now, or null outside <see cref="Run"/>.</summary>
    internal static RaceSession? Active => Volatile.Read(ref s_active);

    internal CoreBackend Backend { get; }

    internal ShadowMemory Shadow { get; }

    /// <summary>Per-key clocks of keyed collections (a <c>ConcurrentDictionary</c>'s), by the collection.</summary>
    internal ConditionalWeakTable<object, object> KeyedClocks { get; } = new();

    /// <summary>
    /// Every release also goes here; waiting for something race mode cannot see into (a task made by the
    /// framework, a <c>ValueTask</c> over a pooled source) acquires it. That can only add order, so an
    /// unmodelled completion never makes a false race; it can hide a real one, which docs/race-mode.md says.
    /// </summary>
    internal object Global { get; }

    /// <summary>Accesses skipped because the real thread ran no logical thread of this session (see docs).</summary>
    internal long UnboundAccesses => Interlocked.Read(ref _unboundAccesses);

    /// <summary>
    /// Runs <paramref name="body"/> (code of a rewritten assembly, or code that calls into one) as the root logical
    /// thread <c>main</c> and returns the races its accesses made. The body must wait for the work it starts.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another session is running.</exception>
    public static RaceRun Run(Action body, RaceDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var session = new RaceSession(options ?? DefaultOptions);
        if (Interlocked.CompareExchange(ref s_active, session, null) is not null)
        {
            throw new InvalidOperationException("Another race-mode session is running; sessions run one at a time.");
        }

        try
        {
            LogicalThread root = session.Detector.CreateRoot("main");
            using (root.Enter())
            {
                body();
            }
        }
        finally
        {
            Volatile.Write(ref s_active, null);
            SiteTable.ForgetLocations();
        }

        return new RaceRun(session.Detector.Races, session.Detector.Detections, session.UnboundAccesses, session.Detector.Threads.Count, session.GlobalAcquisitions);
    }

    /// <summary>Waits ordered through the global clock because race mode had no better key for them.</summary>
    internal long GlobalAcquisitions => Interlocked.Read(ref _globalAcquisitions);

    /// <summary>The current logical thread acquires the global clock (a wait with no better key), counted.</summary>
    internal void AcquireGlobal(LogicalThread thread)
    {
        Interlocked.Increment(ref _globalAcquisitions);
        Backend.Acquire(thread, Global);
    }

    /// <summary>The logical thread of this session running on this real thread, or null (counted when no logical thread runs here).</summary>
    internal LogicalThread? CurrentOrCount()
    {
        LogicalThread? current = LogicalThread.Current;
        if (current is not null && current.Detector == Detector)
        {
            return current;
        }

        if (current is null)
        {
            // A logical thread of an earlier session (a callback still finishing after it signalled) is not unbound.
            Interlocked.Increment(ref _unboundAccesses);
        }

        return null;
    }

    /// <summary>The clock of synchronisation object <paramref name="key"/> (already canonical).</summary>
    internal object SyncOf(object key) => _syncClocks.GetValue(key, k => Backend.NewSync(k.GetType().Name));

    /// <summary>The object <paramref name="key"/> stands for (a channel for its reader or writer), or itself.</summary>
    internal object Canonical(object key) => _aliased && _aliases.TryGetValue(key, out object? target) ? target : key;

    /// <summary>From now on <paramref name="alias"/> synchronises as <paramref name="target"/>.</summary>
    internal void AddAlias(object alias, object target)
    {
        _aliased = true;
        _aliases.AddOrUpdate(alias, Canonical(target));
    }

    /// <summary>Acquiring <paramref name="from"/> also acquires <paramref name="to"/> (a proxy task and the task it unwraps).</summary>
    internal void Link(object from, object to)
    {
        _linked = true;
        List<object> links = _links.GetValue(from, static _ => []);
        lock (links)
        {
            links.Add(to);
        }
    }

    /// <summary>
    /// Completes a task race mode made on a thread's behalf (a channel read or a semaphore wait that finished on a
    /// pool thread): awaiting <paramref name="task"/> acquires <paramref name="key"/>, and so does a wait for a task
    /// the framework builds over it (<c>WhenAny</c>, <c>WaitAsync</c>), which acquires the global clock: the key's
    /// releases go there too, as a task's end does.
    /// </summary>
    internal void LinkCompletion(Task task, object key)
    {
        Link(task, key);
        object canonical = Canonical(key);
        if (_syncClocks.TryGetValue(canonical, out object? sync))
        {
            Backend.Merge(sync, Global);
        }
    }

    /// <summary>
    /// The current logical thread acquires <paramref name="key"/> and everything linked to it. A task or a wait handle
    /// that race mode knows nothing about (made or signalled by the framework: <c>WhenAll</c>, <c>WaitAsync</c>,
    /// <c>Delay</c>, a handle set by the runtime) acquires the global clock instead, which only adds order.
    /// </summary>
    internal void AcquireKey(LogicalThread thread, object key)
    {
        bool known = false;
        if (_syncClocks.TryGetValue(key, out object? sync))
        {
            Backend.Acquire(thread, sync);
            known = true;
        }

        if (_linked && _links.TryGetValue(key, out List<object>? links))
        {
            object[] targets;
            lock (links)
            {
                targets = [.. links];
            }

            foreach (object target in targets)
            {
                AcquireKey(thread, target);
            }

            known = true;
        }

        if (!known && key is Task or WaitHandle)
        {
            AcquireGlobal(thread);
        }
    }
}
