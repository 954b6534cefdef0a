using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>xunit v2's runner of a fact (or one theory row), running the test with <see cref="RaceTestRunner"/>.</summary>
internal sealed class RaceTestCaseRunner : XunitTestCaseRunner
{
    private readonly TestAttribution _attribution;

    public RaceTestCaseRunner(
        IXunitTestCase testCase, string displayName, string skipReason, object[] constructorArguments, object[] testMethodArguments, IMessageBus messageBus,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, TestAttribution attribution)
        : base(testCase, displayName, skipReason, constructorArguments, testMethodArguments, messageBus, aggregator, cancellationTokenSource)
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
