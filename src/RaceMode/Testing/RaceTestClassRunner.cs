using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>xunit v2's class runner (class fixtures and all), running its methods with <see cref="RaceTestMethodRunner"/>.</summary>
internal sealed class RaceTestClassRunner : XunitTestClassRunner
{
    private readonly TestAttribution _attribution;

    public RaceTestClassRunner(
        ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageBus messageBus,
        ITestCaseOrderer testCaseOrderer, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource,
        IDictionary<Type, object> collectionFixtureMappings, TestAttribution attribution)
        : base(testClass, @class, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource, collectionFixtureMappings)
    {
        _attribution = attribution;
    }

    /// <inheritdoc />
    protected override Task<RunSummary> RunTestMethodAsync(ITestMethod testMethod, IReflectionMethodInfo method, IEnumerable<IXunitTestCase> testCases, object[] constructorArguments) =>
        new RaceTestMethodRunner(
            testMethod, Class, method, testCases, DiagnosticMessageSink, MessageBus, new ExceptionAggregator(Aggregator), CancellationTokenSource,
            constructorArguments, _attribution).RunAsync();
}
