using Xunit.Abstractions;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>Collects the test cases xunit's discoverer finds and signals when it is done.</summary>
internal sealed class DiscoverySink : IMessageSink, IDisposable
{
    private readonly List<ITestCase> _testCases = [];

    public ManualResetEventSlim Finished { get; } = new();

    public IReadOnlyList<ITestCase> TestCases
    {
        get
        {
            lock (_testCases)
            {
                return [.. _testCases];
            }
        }
    }

    public bool OnMessage(IMessageSinkMessage message)
    {
        if (message is ITestCaseDiscoveryMessage discovered)
        {
            lock (_testCases)
            {
                _testCases.Add(discovered.TestCase);
            }
        }
        else if (message is IDiscoveryCompleteMessage)
        {
            Finished.Set();
        }

        return true;
    }

    public void Dispose() => Finished.Dispose();
}
