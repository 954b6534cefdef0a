using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>xunit v2's executor, with the runners below it replaced so each test runs as its own logical thread.</summary>
internal sealed class RaceTestFrameworkExecutor : XunitTestFrameworkExecutor
{
    private readonly TestAttribution _attribution;
    private readonly Action<Exception> _crashed;

    public RaceTestFrameworkExecutor(AssemblyName assemblyName, IMessageSink diagnosticMessageSink, TestAttribution attribution, Action<Exception> crashed)
        : base(assemblyName, new NoSourceInformation(), diagnosticMessageSink)
    {
        _attribution = attribution;
        _crashed = crashed;
    }

    /// <inheritdoc />
    protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    {
        try
        {
            using var runner = new RaceTestAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions, _attribution);
            await runner.RunAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // async void: nothing above would see it; the run ends with the failure named.
            _crashed(e);
        }
    }
}
