using Xunit.Abstractions;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>Source information is not asked for: races carry their own file:line.</summary>
internal sealed class NoSourceInformation : ISourceInformationProvider
{
    public ISourceInformation GetSourceInformation(ITestCase testCase) => null!;

    public void Dispose()
    {
    }
}
