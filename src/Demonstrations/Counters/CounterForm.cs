using ActorConcurrency.Actors.Counters;
using ActorConcurrency.SharedState.Counters;
using Akka.Actor;

namespace ActorConcurrency.Demonstrations.Counters;

/// <summary>
/// One form of the counter: a fresh instance per run, incremented by <c>tasks</c> concurrent tasks of
/// <c>increments</c> each (<see cref="ConcurrentIncrements"/>), returning the total it reached.
/// </summary>
/// <param name="Name">The form as the table names it.</param>
/// <param name="RunOnceAsync">One run: (tasks, increments per task, cancellation) → the total read afterwards.</param>
public sealed record CounterForm(string Name, Func<int, int, CancellationToken, Task<int>> RunOnceAsync)
{
    /// <summary>Task 1's unsynchronised <c>counter++</c>.</summary>
    public static CounterForm Racy { get; } = SharedMemory("counter++ (RacyCounter)", () => new RacyCounter());

    /// <summary>A channel with one counting reader: the total is owned by the reader.</summary>
    public static CounterForm Channel { get; } = new("Channel<int> + one counting reader", async (tasks, increments, _) =>
    {
        var counter = new ChannelCounter();
        await ConcurrentIncrements.RunAsync(tasks, increments, counter.Increment).ConfigureAwait(false);
        return await counter.CompleteAsync().ConfigureAwait(false);
    });

    /// <summary>Task 2's forms: the atomic increment, beside the owner actor.</summary>
    public static IReadOnlyList<CounterForm> Atomic(ActorSystem system) =>
        [SharedMemory("Interlocked.Increment", () => new InterlockedCounter()), Actor(system)];

    /// <summary>Task 3's forms: both of .NET's mutexes, beside the owner actor.</summary>
    public static IReadOnlyList<CounterForm> Mutex(ActorSystem system) =>
    [
        SharedMemory("lock (Monitor)", () => new MonitorCounter()),
        SharedMemory("lock (System.Threading.Lock)", () => new ThreadingLockCounter()),
        Actor(system),
    ];

    /// <summary>Task 4's forms: the channel with one counting reader, beside the owner actor.</summary>
    public static IReadOnlyList<CounterForm> Communication(ActorSystem system) => [Channel, Actor(system)];

    /// <summary>A shared-memory counter, created fresh for each run.</summary>
    public static CounterForm SharedMemory(string name, Func<ICounter> create) => new(name, async (tasks, increments, _) =>
    {
        ICounter counter = create();
        await ConcurrentIncrements.RunAsync(tasks, increments, counter.Increment).ConfigureAwait(false);
        return counter.Read();
    });

    /// <summary>The owner actor: every task Tells an increment, then one Ask reads the count.</summary>
    public static CounterForm Actor(ActorSystem system) => new("CounterActor (Tell, then one Ask)", async (tasks, increments, cancellationToken) =>
    {
        IActorRef counter = system.ActorOf(CounterActor.Props());
        try
        {
            await ConcurrentIncrements.RunAsync(tasks, increments, () => counter.Tell(CounterProtocol.Increment.Instance)).ConfigureAwait(false);
            var count = await counter.Ask<CounterProtocol.Count>(
                CounterProtocol.GetCount.Instance, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            return checked((int)count.Value);
        }
        finally
        {
            system.Stop(counter);
        }
    });
}
