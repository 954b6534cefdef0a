using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>xunit v2's runner of a theory whose data is enumerated at run time, running each row with <see cref="RaceTestRunner"/>.</summary>
internal sealed class RaceTheoryTestCaseRunner : XunitTheoryTestCaseRunner
{
    private readonly TestAttribution _attribution;

    public RaceTheoryTestCaseRunner(
        IXunitTestCase testCase, string displayName, string skipReason, object[] constructorArguments, IMessageSink diagnosticMessageSink, IMessageBus messageBus,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, TestAttribution attribution)
        : base(testCase, displayName, skipReason, constructorArguments, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource)
    {
        _attribution = attribution;
    }

    /// <inheritdoc />
    protected override XunitTestRunner CreateTestRunner(
        ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod, object[] testMethodArguments, string skipReason,
        IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new RaceTestRunner(
            test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes,
            new ExceptionAggregator(aggregator), cancellationTokenSource, _attribution);
}
