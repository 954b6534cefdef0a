using System.Globalization;
using Xunit.Abstractions;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>
/// xunit's execution messages, printed as Go prints a test run: one summary line per test as it ends
/// (<c>--- PASS: Name (0.01s)</c>, <c>--- FAIL</c> with the failure, <c>--- RACE</c> when a race was attributed to a test
/// that passed its assertions, <c>--- SKIP</c>), errors outside tests, and the end of the run.
/// </summary>
internal sealed class TestResultSink : IMessageSink, IDisposable
{
    private readonly TextWriter _output;
    private readonly Func<string, int> _racesOf;
    private readonly Dictionary<string, TestOutcome> _outcomes = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private int _errors;

    /// <param name="output">Where the lines go.</param>
    /// <param name="racesOf">How many races were attributed so far to the test of a display name.</param>
    public TestResultSink(TextWriter output, Func<string, int> racesOf)
    {
        _output = output;
        _racesOf = racesOf;
    }

    /// <summary>Set when xunit says the assembly finished (or the run crashed).</summary>
    public ManualResetEventSlim Finished { get; } = new();

    /// <summary>Failures outside any test (a fixture that threw, a cleanup failure, a crash of the run).</summary>
    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Each test's outcome as printed, in the order they ended.</summary>
    public IReadOnlyList<(string Test, TestOutcome Outcome)> Outcomes
    {
        get
        {
            lock (_outcomes)
            {
                return _order.Select(t => (t, _outcomes[t])).ToArray();
            }
        }
    }

    public bool OnMessage(IMessageSinkMessage message)
    {
        switch (message)
        {
            case ITestPassed passed:
                Record(passed, TestOutcome.Passed, []);
                break;
            case ITestFailed failed:
                Record(failed, TestOutcome.Failed, Describe(failed));
                break;
            case ITestSkipped skipped:
                Record(skipped, TestOutcome.Skipped, [skipped.Reason]);
                break;
            case IErrorMessage error:
                Error("error", error);
                break;
            case ITestAssemblyCleanupFailure or ITestCollectionCleanupFailure or ITestClassCleanupFailure or ITestMethodCleanupFailure or ITestCaseCleanupFailure or ITestCleanupFailure:
                Error("cleanup failed", (IFailureInformation)message);
                break;
            case ITestAssemblyFinished:
                Finished.Set();
                break;
        }

        return true;
    }

    /// <summary>The run itself failed (not a test): printed, counted, and the run is over.</summary>
    public void Crashed(Exception e)
    {
        Interlocked.Increment(ref _errors);
        lock (_output)
        {
            _output.WriteLine($"race-mode: the test run failed: {e.GetType().Name}: {e.Message}");
        }

        Finished.Set();
    }

    /// <summary>
    /// Tests that passed when they ended but had a race attributed later (a task they left behind raced after they
    /// returned): printed as raced now, and their outcome changed.
    /// </summary>
    public void ReportLateRaces()
    {
        lock (_outcomes)
        {
            foreach (string test in _order.Where(t => _outcomes[t] == TestOutcome.Passed && _racesOf(t) > 0).ToArray())
            {
                _outcomes[test] = TestOutcome.Raced;
                lock (_output)
                {
                    _output.WriteLine($"--- RACE: {test}");
                    _output.WriteLine($"    race detected after the test returned, on a logical thread it started ({_racesOf(test)} data race(s), reported above)");
                }
            }
        }
    }

    private void Record(ITestResultMessage result, TestOutcome outcome, IReadOnlyList<string> details)
    {
        string name = result.Test.DisplayName;
        int races = _racesOf(name);
        if (outcome == TestOutcome.Passed && races > 0)
        {
            outcome = TestOutcome.Raced;
        }

        lock (_outcomes)
        {
            if (_outcomes.TryAdd(name, outcome))
            {
                _order.Add(name);
            }
            else
            {
                _outcomes[name] = outcome; // a display name shared by two tests: the later one counts
            }
        }

        string word = outcome switch
        {
            TestOutcome.Passed => "PASS",
            TestOutcome.Failed => "FAIL",
            TestOutcome.Raced => "RACE",
            _ => "SKIP",
        };
        lock (_output)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--- {word}: {name} ({result.ExecutionTime:0.00}s)"));
            foreach (string detail in details)
            {
                foreach (string line in detail.Split('\n'))
                {
                    _output.WriteLine("    " + line.TrimEnd('\r'));
                }
            }

            if (races > 0)
            {
                _output.WriteLine($"    race detected during execution of test ({races} data race(s), reported above)");
            }

            if (outcome == TestOutcome.Failed && result.Output is { Length: > 0 } printed)
            {
                _output.WriteLine("    output:");
                foreach (string line in printed.TrimEnd().Split('\n'))
                {
                    _output.WriteLine("      " + line.TrimEnd('\r'));
                }
            }
        }
    }

    private void Error(string what, IFailureInformation failure)
    {
        Interlocked.Increment(ref _errors);
        lock (_output)
        {
            _output.WriteLine($"race-mode: {what}: {string.Join(Environment.NewLine + "    ", Describe(failure))}");
        }
    }

    /// <summary>The exception's type and message, then the stack frames that have a source line.</summary>
    private static string[] Describe(IFailureInformation failure)
    {
        if (failure.Messages is not { Length: > 0 } messages)
        {
            return [];
        }

        string type = failure.ExceptionTypes is { Length: > 0 } types ? types[0] : "Exception";
        string message = type.StartsWith("Xunit.Sdk.", StringComparison.Ordinal) ? messages[0] : $"{type}: {messages[0]}";
        string[] frames = (failure.StackTraces is { Length: > 0 } stacks ? stacks[0] ?? string.Empty : string.Empty)
            .Split('\n').Select(l => l.Trim()).Where(l => l.Contains(" in ", StringComparison.Ordinal)).Take(5).ToArray();
        return [message, .. frames];
    }

    public void Dispose() => Finished.Dispose();
}
