using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>xunit v2's collection runner (collection fixtures and all), running its classes with <see cref="RaceTestClassRunner"/>.</summary>
internal sealed class RaceTestCollectionRunner : XunitTestCollectionRunner
{
    private readonly TestAttribution _attribution;

    public RaceTestCollectionRunner(
        ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus,
        ITestCaseOrderer testCaseOrderer, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, TestAttribution attribution)
        : base(testCollection, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource)
    {
        _attribution = attribution;
    }

    /// <inheritdoc />
    protected override Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases) =>
        new RaceTestClassRunner(
            testClass, @class, testCases, DiagnosticMessageSink, MessageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), CancellationTokenSource,
            CollectionFixtureMappings, _attribution).RunAsync();
}
