using ActorConcurrency.RaceMode.Loading;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>The test assembly itself, rewritten once for every race-mode spec that runs its shapes.</summary>
public sealed class TestAssemblySandbox : IDisposable
{
    public RaceSandbox Sandbox { get; } = RaceSandbox.Create(typeof(IlShapes).Assembly);

    public void Dispose() => Sandbox.Dispose();
}
