namespace ActorConcurrency.Tests.Support;

/// <summary>
/// The specs that run two or three cluster nodes in this process at once run in this collection, one class at a
/// time and after the parallel specs. In-process nodes share the test process's two cores with every spec running
/// in parallel; starved of CPU, their heartbeats arrive late, live nodes look unreachable to each other, and the
/// split-brain resolver may down all of them (a CI run hung with all three members of the node-loss spec Down and
/// its client retrying for ever). Run alone, the only node that stops answering is the one a spec crashes. Real
/// processes under load are the crash harness's job.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessClusterCollection
{
    public const string Name = "in-process cluster";

    /// <summary>
    /// How long a spec's increment load may take before it is abandoned: a cluster that cannot recover fails the
    /// spec instead of leaving its exactly-once client retrying for ever.
    /// </summary>
    public static readonly TimeSpan LoadDeadline = TimeSpan.FromMinutes(2);
}
