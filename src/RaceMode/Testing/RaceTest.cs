using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>
/// <c>race-mode test [options] Tests.dll [--filter EXPR]</c>, Go's <c>go test -race</c> for an xunit v2 test assembly
/// built for net10.0: the assembly and its non-framework dependencies are rewritten, xunit's own discovery finds the
/// tests and xunit's own runners run them (parallel collections, fixtures, theories), each test as its own logical
/// thread of one race-mode session. Races are printed as they are found, each naming the test whose logical thread
/// made the access; each test ends with a summary line (<c>--- PASS</c>, <c>--- FAIL</c>, <c>--- RACE</c>,
/// <c>--- SKIP</c>). Exit codes: <see cref="RaceOptions.ExitCode"/> (66) when a race was reported, else 1 when a test
/// failed, else 0; <see cref="RaceExec.BadInput"/> (2) for bad input, in one line.
/// </summary>
public static class RaceTest
{
    /// <summary>Exit status of a run in which a test failed (and no race was reported).</summary>
    public const int TestsFailed = 1;

    /// <summary>Runs the command line <c>[options] Tests.dll [--filter EXPR]</c> (what follows <c>test</c>); returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return Run(RaceCommandLine.Parse("test", args, Environment.GetEnvironmentVariable(RaceOptions.EnvironmentVariable)), output);
        }
        catch (RaceInputException e)
        {
            error.WriteLine($"race-mode: {e.Message}");
            return RaceExec.BadInput;
        }
    }

    /// <summary>Runs a parsed command line.</summary>
    /// <param name="line">The test assembly, the options and the filter.</param>
    /// <param name="output">Where the reports and summary lines go.</param>
    /// <param name="halt">Ends the process under halt_on_error (<see cref="Environment.Exit"/> by default).</param>
    /// <exception cref="RaceInputException">The assembly cannot be run as an xunit v2 test assembly under race mode (the message says why).</exception>
    public static int Run(RaceCommandLine line, TextWriter output, Action<int>? halt = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(output);
        TargetAssembly target = TargetAssembly.Inspect(line.Assembly, "test assembly");
        target.RequireSupportedFramework();
        TestFrameworkCheck.Require(target);
        target.RequireDependencies();
        RaceSuppressions suppressions = RaceSuppressions.Load(line.Options.SuppressionsPath);
        TestRunConfig config = TestRunConfig.Read(target.Folder);
        TestFilter filter = TestFilter.Parse(line.Filter);
        var clock = Stopwatch.StartNew();

        string[] rewrite = RaceExec.Rewritable(target);
        using RaceSandbox sandbox = RaceSandbox.Create(rewrite, target.Folder);
        output.WriteLine($"race-mode: rewrote {rewrite.Length} assembly(ies), {sandbox.Instrumented} accesses and calls instrumented");
        using System.Runtime.Loader.AssemblyLoadContext.ContextualReflectionScope contextual = sandbox.EnterContextualReflection();
        Assembly assembly = sandbox.Load(target.Name);
        ITestCase[] selected = Discover(assembly, config).Where(filter.Matches).ToArray();
        if (selected.Length == 0)
        {
            output.WriteLine(line.Filter is null ? $"race-mode: no tests found in {Path.GetFileName(target.Path)}" : $"race-mode: no test matches --filter {line.Filter}");
            return 0;
        }

        using var reporter = new RaceReporter(line.Options, output, suppressions, halt);
        TestAttribution? attribution = null;
        using var results = new TestResultSink(output, name => attribution?.RacesOf(name) ?? 0);
        RaceDetectorOptions detector = RaceSession.DefaultOptions with
        {
            OnRace = report =>
            {
                (RaceDetector.Reports.RaceReport attributed, string? test) = attribution!.Attribute(report);
                if (reporter.Report(attributed, test is null ? null : $"in test {test}") && test is not null)
                {
                    attribution.Count(test);
                }
            },
        };
        bool parallel = config.ParallelizeTestCollections && assembly.GetCustomAttribute<CollectionBehaviorAttribute>() is not { DisableTestParallelization: true };
        RaceRun run = RaceSession.Run(
            () =>
            {
                attribution = new TestAttribution(LogicalThread.Current!, parallel);
                using var executor = new RaceTestFrameworkExecutor(assembly.GetName(), new NullMessageSink(), attribution, results.Crashed);

                // xunit starts on a thread of its own, not the runner's logical thread: what it runs outside a test
                // (fixtures, Dispose) is then outside every logical thread, unchecked, instead of on the runner's.
                var start = new Thread(() =>
                {
                    using (sandbox.EnterContextualReflection())
                    {
                        executor.RunTests(selected, results, ExecutionOptions(config));
                    }
                })
                {
                    IsBackground = true,
                    Name = "race-mode test",
                };
                start.Start();
                results.Finished.Wait();
            },
            detector);
        results.ReportLateRaces();

        reporter.WriteSummary();
        IReadOnlyList<(string Test, TestOutcome Outcome)> outcomes = results.Outcomes;
        int Count(TestOutcome outcome) => outcomes.Count(o => o.Outcome == outcome);
        int failed = Count(TestOutcome.Failed);
        output.WriteLine(
            $"race-mode: {outcomes.Count} test(s): {Count(TestOutcome.Passed)} passed, {failed} failed, {Count(TestOutcome.Raced)} raced, {Count(TestOutcome.Skipped)} skipped" +
            (results.Errors > 0 ? $", {results.Errors} error(s) outside tests" : string.Empty));
        output.WriteLine(
            $"race-mode: {run.GlobalAcquisitions} wait(s) ordered blindly through the global clock, " +
            $"{run.UnboundAccesses} access(es) unchecked outside any test's logical thread (fixtures, Dispose, xunit's own threads)");
        int exit = reporter.Printed > 0 ? line.Options.ExitCode : failed + results.Errors > 0 ? TestsFailed : 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(exit == 0 ? "ok" : "FAIL")}\t{Path.GetFileName(target.Path)}\t{clock.Elapsed.TotalSeconds:0.00}s"));
        return exit;
    }

    /// <summary>The tests xunit's own discoverer finds in the rewritten <paramref name="assembly"/>.</summary>
    private static IReadOnlyList<ITestCase> Discover(Assembly assembly, TestRunConfig config)
    {
        using var discoverer = new XunitTestFrameworkDiscoverer(Reflector.Wrap(assembly), new NoSourceInformation(), new NullMessageSink());
        using var sink = new DiscoverySink();
        var options = new XunitOptions();
        options.SetValue("xunit.discovery.PreEnumerateTheories", config.PreEnumerateTheories);
        options.SetValue("xunit.discovery.MethodDisplay", "ClassAndMethod");
        discoverer.Find(includeSourceInformation: false, sink, options);
        sink.Finished.Wait();
        return sink.TestCases;
    }

    private static XunitOptions ExecutionOptions(TestRunConfig config)
    {
        var options = new XunitOptions();
        options.SetValue("xunit.execution.DisableParallelization", !config.ParallelizeTestCollections);
        options.SetValue("xunit.execution.MaxParallelThreads", config.MaxParallelThreads);
        // Synchronous: a test's summary line is printed when it ends, before the next test runs (on xunit's own bus
        // thread it could come after a race the next test made, and a report would read as out of order).
        options.SetValue("xunit.execution.SynchronousMessageReporting", true);
        return options;
    }
}
