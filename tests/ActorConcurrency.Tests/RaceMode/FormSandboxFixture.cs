using ActorConcurrency.Demonstrations.RaceForms;
using ActorConcurrency.RaceMode.Loading;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>One sandbox (the host and SharedState rewritten) shared by the verdict specs: rewriting takes seconds.</summary>
public sealed class FormSandboxFixture : IDisposable
{
    public FormSandboxFixture() => Sandbox = RaceCatalog.CreateSandbox();

    public RaceSandbox Sandbox { get; }

    public void Dispose() => Sandbox.Dispose();
}
