using System.Collections.Concurrent;
using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Runtime;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>
/// The tests of one <c>race-mode test</c> run as logical threads of one session: each test gets its own
/// (<see cref="TestThread"/>), forked from the runner's, labelled <c>test DisplayName</c>; a race is attributed to the
/// label of the logical thread whose access found it (the test that started it, however deep the forks), or, for an
/// access on a thread no test started (a callback submitted by framework code), to the test running then.
/// </summary>
internal sealed class TestAttribution
{
    private const string LabelPrefix = "test ";

    private readonly LogicalThread _runner;
    private readonly bool _parallel;
    private readonly ConcurrentDictionary<string, object> _collections = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly List<TestThread> _running = [];
    private readonly Dictionary<string, int> _races = new(StringComparer.Ordinal);

    /// <param name="runner">The session's root logical thread (the runner, blocked while the tests run).</param>
    /// <param name="parallel">Whether test collections may run in parallel in this run.</param>
    public TestAttribution(LogicalThread runner, bool parallel)
    {
        _runner = runner;
        _parallel = parallel;
    }

    /// <summary>Every test's end is released here; tests of a collection that does not run in parallel acquire it.</summary>
    public object Finished { get; } = new();

    /// <summary>A new test is starting: its logical thread, forked from the runner.</summary>
    public TestThread Begin(ITest test)
    {
        string label = LabelPrefix + test.DisplayName;
        LogicalThread thread;
        lock (_runner)
        {
            // SpawnFrom ticks the parent: forks from the runner are serialised (collections start tests in parallel).
            thread = _runner.Detector.SpawnFrom(_runner, label);
        }

        thread.Label = label;
        ITestCollection collection = test.TestCase.TestMethod.TestClass.TestCollection;
        object key = _collections.GetOrAdd(collection.UniqueID.ToString(), static _ => new object());
        var started = new TestThread(this, test, thread, key, afterEverything: !_parallel || !RunsInParallel(collection));
        lock (_gate)
        {
            _running.Add(started);
        }

        return started;
    }

    /// <summary>How many races were attributed to the test named <paramref name="displayName"/>.</summary>
    public int RacesOf(string displayName)
    {
        lock (_gate)
        {
            return _races.GetValueOrDefault(displayName);
        }
    }

    /// <summary>
    /// Names the test <paramref name="report"/> belongs to (its current access's label, or the one test running
    /// when the access came from a thread no test started) and returns the report carrying it.
    /// </summary>
    public (RaceReport Report, string? Test) Attribute(RaceReport report)
    {
        string? label = report.Current.Label;
        lock (_gate)
        {
            string? test = label is not null && label.StartsWith(LabelPrefix, StringComparison.Ordinal) ? label[LabelPrefix.Length..] : null;
            if (label is null && _running.Count > 0)
            {
                // A thread no test started (a callback that framework code submitted): the test running now, if only one is.
                test = _running.Count == 1 ? _running[0].Test.DisplayName : null;
                label = test is not null
                    ? LabelPrefix + test
                    : $"one of the tests running then ({string.Join(", ", _running.Select(r => r.Test.DisplayName))})";
                report = report with { Current = report.Current with { Label = label } };
            }

            return (report, test);
        }
    }

    /// <summary>A race reported (not suppressed) counts against <paramref name="test"/>.</summary>
    public void Count(string test)
    {
        lock (_gate)
        {
            _races[test] = _races.GetValueOrDefault(test) + 1;
        }
    }

    /// <summary>The test ended (its thread released what it did).</summary>
    internal void Ended(TestThread test)
    {
        lock (_gate)
        {
            _running.Remove(test);
        }
    }

    /// <summary>Whether xunit runs <paramref name="collection"/> in parallel with others (not <c>DisableParallelization</c>).</summary>
    private static bool RunsInParallel(ITestCollection collection) =>
        collection.CollectionDefinition?.GetCustomAttributes(typeof(CollectionDefinitionAttribute)).FirstOrDefault() is not { } definition ||
        !definition.GetNamedArgument<bool>(nameof(CollectionDefinitionAttribute.DisableParallelization));
}
