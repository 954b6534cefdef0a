using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>
/// xunit v2's method runner, running facts (and pre-enumerated theory rows) with <see cref="RaceTestCaseRunner"/> and
/// theories with <see cref="RaceTheoryTestCaseRunner"/>: the test case types xunit itself discovers. Other test case
/// types (a skipped data row, a discovery error, a third-party case) run as xunit runs them, outside any logical thread:
/// their accesses are counted as unchecked, never reported.
/// </summary>
internal sealed class RaceTestMethodRunner : XunitTestMethodRunner
{
    private readonly IMessageSink _diagnosticMessageSink;
    private readonly object[] _constructorArguments;
    private readonly TestAttribution _attribution;

    public RaceTestMethodRunner(
        ITestMethod testMethod, IReflectionTypeInfo @class, IReflectionMethodInfo method, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
        IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, object[] constructorArguments, TestAttribution attribution)
        : base(testMethod, @class, method, testCases, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource, constructorArguments)
    {
        _diagnosticMessageSink = diagnosticMessageSink;
        _constructorArguments = constructorArguments;
        _attribution = attribution;
    }

    /// <inheritdoc />
    protected override Task<RunSummary> RunTestCaseAsync(IXunitTestCase testCase)
    {
        if (testCase.GetType() == typeof(XunitTheoryTestCase))
        {
            return new RaceTheoryTestCaseRunner(
                testCase, testCase.DisplayName, testCase.SkipReason, _constructorArguments, _diagnosticMessageSink, MessageBus,
                new ExceptionAggregator(Aggregator), CancellationTokenSource, _attribution).RunAsync();
        }

        if (testCase.GetType() == typeof(XunitTestCase))
        {
            return new RaceTestCaseRunner(
                testCase, testCase.DisplayName, testCase.SkipReason, _constructorArguments, testCase.TestMethodArguments, MessageBus,
                new ExceptionAggregator(Aggregator), CancellationTokenSource, _attribution).RunAsync();
        }

        return base.RunTestCaseAsync(testCase);
    }
}
