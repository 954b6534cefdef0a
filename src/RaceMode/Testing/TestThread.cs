using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Runtime;
using Xunit.Abstractions;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>
/// One run of one test as a logical thread of the race-mode session: its constructor, before/after attributes and the
/// test method's synchronous part run as it (entered on whichever real thread xunit uses each time), and every logical
/// thread it forks (tasks, continuations, async methods) inherits its label, so a race is attributed to the test whose
/// logical thread made the access, not to whichever test happens to be running (golang/go#58634).
/// </summary>
internal sealed class TestThread
{
    private readonly TestAttribution _run;
    private readonly object _collection;
    private readonly bool _afterEverything;
    private int _entries;
    private int _ended;

    public TestThread(TestAttribution run, ITest test, LogicalThread thread, object collection, bool afterEverything)
    {
        _run = run;
        Test = test;
        Thread = thread;
        _collection = collection;
        _afterEverything = afterEverything;
    }

    /// <summary>The xunit test (a fact, or one row of a theory).</summary>
    public ITest Test { get; }

    /// <summary>The test's own logical thread.</summary>
    public LogicalThread Thread { get; }

    /// <summary>
    /// Runs the code that follows as the test's logical thread until disposed. The first entry is ordered after the
    /// earlier tests of its collection (xunit runs them one after another) and, for a collection that does not run in
    /// parallel, after every test that finished; each entry also acquires what was released into the global clock
    /// (task ends that xunit waited for unseen: <c>IAsyncLifetime.InitializeAsync</c>, async fixtures), and after the
    /// test method's task (<paramref name="after"/>) its end.
    /// </summary>
    public LogicalThreadScope Enter(Task? after = null)
    {
        LogicalThreadScope scope = Thread.Enter();
        if (Interlocked.Increment(ref _entries) == 1)
        {
            SyncHooks.Acquire(_collection);
            if (_afterEverything)
            {
                SyncHooks.Acquire(_run.Finished);
            }
        }

        SyncHooks.AcquireAny();
        if (after is not null)
        {
            TaskHooks.AcquireTask(after);
        }

        return scope;
    }

    /// <summary>The test is over: what it did happens before the next test of its collection (and the non-parallel ones).</summary>
    public void End()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        if (RaceSession.Active is not null)
        {
            using (Thread.Enter())
            {
                SyncHooks.Release(_collection);
                SyncHooks.Release(_run.Finished);
            }
        }

        _run.Ended(this);
    }
}
