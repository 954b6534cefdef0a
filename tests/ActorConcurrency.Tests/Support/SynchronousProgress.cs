namespace ActorConcurrency.Tests.Support;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, so a spec sees every report, in order, when the call returns.</summary>
public sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
