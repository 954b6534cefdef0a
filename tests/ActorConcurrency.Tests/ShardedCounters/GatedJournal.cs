using System.Collections.Immutable;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// An in-memory journal whose writes wait on a gate the spec opens, so a spec can look at the moment
/// between "the entity asked the journal to write" and "the write is durable".
/// </summary>
public sealed class GatedJournal : MemoryJournal
{
    /// <summary>Completed by the spec to let writes through; replaced per spec. Only CounterEntitySpec uses this journal.</summary>
    public static volatile TaskCompletionSource Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when the first write reaches the journal (it is then waiting on <see cref="Gate"/>).</summary>
    public static volatile TaskCompletionSource WriteArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public const string Config = """
        akka.persistence.journal.plugin = "akka.persistence.journal.gated"
        akka.persistence.journal.gated.class = "ActorConcurrency.Tests.ShardedCounters.GatedJournal, ActorConcurrency.Tests"
        akka.persistence.journal.gated.plugin-dispatcher = "akka.actor.default-dispatcher"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    protected override async Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        WriteArrived.TrySetResult();
        await Gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await base.WriteMessagesAsync(messages, cancellationToken).ConfigureAwait(false);
    }
}
