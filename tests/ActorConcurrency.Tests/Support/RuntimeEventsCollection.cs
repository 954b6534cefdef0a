namespace ActorConcurrency.Tests.Support;

/// <summary>
/// The specs that listen to the runtime's own events (the contention profiler, the profile command, the
/// task-leak check) run in this collection, one class at a time and after the parallel specs. The runtime
/// feeds every in-process <c>EventListener</c> from one session: creating a listener restarts that session,
/// and a flood of contention events from another spec fills its buffers; either can drop the very event a
/// spec is waiting for. Run alone, each spec sees every event of the lock it forced into contention.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuntimeEventsCollection
{
    public const string Name = "runtime events";
}
