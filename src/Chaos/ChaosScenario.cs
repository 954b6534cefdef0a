namespace ActorConcurrency.Chaos;

/// <summary>
/// One crash scenario: the steps it does to a cluster of real node processes (start, join, leave, kill -9,
/// restart). It leaves the nodes running or stopped; the runner stops the rest, reads the total back with a
/// fresh node and checks the numbers.
/// </summary>
public abstract class ChaosScenario
{
    /// <summary>The name a user gives to <c>chaos --scenarios</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What it does, in one line.</summary>
    public abstract string Description { get; }

    /// <summary>Its clients end by finishing a finite load, so sent = acknowledged = total must hold (exactly-once).</summary>
    public virtual bool ExpectsExactTotal => false;

    /// <summary>Does the scenario's steps to <paramref name="cluster"/>; a step that cannot go on throws <see cref="ScenarioFailedException"/>.</summary>
    internal abstract Task RunAsync(ChaosCluster cluster);

    /// <summary>Fails the scenario when a finite load ended before the step that needed it running.</summary>
    private protected static void RequireLoading(NodeProcess loader, string step)
    {
        if (loader.ReadReport() is { LoadComplete: true })
        {
            throw new ScenarioFailedException($"{loader.Name}'s load ended before {step}: raise --load (CHAOS_LOAD) so it outlasts the step");
        }
    }
}
