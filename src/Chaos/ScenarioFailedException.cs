namespace ActorConcurrency.Chaos;

/// <summary>A scenario could not go on: a node did not come up, a step timed out, a node exited when it should not have.</summary>
internal sealed class ScenarioFailedException : Exception
{
    public ScenarioFailedException(string message)
        : base(message)
    {
    }

    public ScenarioFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ScenarioFailedException()
    {
    }
}
