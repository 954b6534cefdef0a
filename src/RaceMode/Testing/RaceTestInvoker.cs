using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>
/// xunit v2's invoker, with the user's code of a test run as the test's logical thread: the test class's constructor,
/// the before/after attributes and the test method (its synchronous part; an async test's continuations are logical
/// threads forked from it). After the method's task, the test's thread acquires the task's end before the after
/// attributes run. <c>Dispose</c>, <c>IAsyncLifetime</c> and fixtures run as xunit runs them, unchecked.
/// </summary>
internal sealed class RaceTestInvoker : XunitTestInvoker
{
    private readonly TestThread _thread;
    private Task? _task;

    public RaceTestInvoker(
        TestThread thread, ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod, object[] testMethodArguments,
        IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        : base(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, beforeAfterAttributes, aggregator, cancellationTokenSource)
    {
        _thread = thread;
    }

    /// <inheritdoc />
    protected override object CreateTestClass()
    {
        using (_thread.Enter())
        {
            return base.CreateTestClass();
        }
    }

    /// <inheritdoc />
    protected override Task BeforeTestMethodInvokedAsync()
    {
        using (_thread.Enter())
        {
            return base.BeforeTestMethodInvokedAsync();
        }
    }

    /// <inheritdoc />
    protected override object CallTestMethod(object testClassInstance)
    {
        using (_thread.Enter())
        {
            object result = base.CallTestMethod(testClassInstance);
            _task = GetTaskFromResult(result);
            return result;
        }
    }

    /// <inheritdoc />
    protected override Task AfterTestMethodInvokedAsync()
    {
        using (_thread.Enter(_task))
        {
            return base.AfterTestMethodInvokedAsync();
        }
    }
}
