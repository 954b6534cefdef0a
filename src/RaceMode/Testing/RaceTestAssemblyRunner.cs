using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>xunit v2's assembly runner (parallel collections and all), running its collections with <see cref="RaceTestCollectionRunner"/>.</summary>
internal sealed class RaceTestAssemblyRunner : XunitTestAssemblyRunner
{
    private readonly TestAttribution _attribution;

    public RaceTestAssemblyRunner(
        ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions, TestAttribution attribution)
        : base(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        _attribution = attribution;
    }

    /// <inheritdoc />
    protected override Task<RunSummary> RunTestCollectionAsync(
        IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource) =>
        new RaceTestCollectionRunner(
            testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource, _attribution).RunAsync();
}
