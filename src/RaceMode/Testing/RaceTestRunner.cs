using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>xunit v2's test runner (output capture and all): each run of a test gets its <see cref="TestThread"/>, ended after the test class is disposed.</summary>
internal sealed class RaceTestRunner : XunitTestRunner
{
    private readonly TestAttribution _attribution;

    public RaceTestRunner(
        ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod, object[] testMethodArguments, string skipReason,
        IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource,
        TestAttribution attribution)
        : base(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource)
    {
        _attribution = attribution;
    }

    /// <inheritdoc />
    protected override async Task<decimal> InvokeTestMethodAsync(ExceptionAggregator aggregator)
    {
        TestThread thread = _attribution.Begin(Test);
        try
        {
            return await new RaceTestInvoker(
                thread, Test, MessageBus, TestClass, ConstructorArguments, TestMethod, TestMethodArguments, BeforeAfterAttributes, aggregator,
                CancellationTokenSource).RunAsync().ConfigureAwait(false);
        }
        finally
        {
            thread.End();
        }
    }
}
