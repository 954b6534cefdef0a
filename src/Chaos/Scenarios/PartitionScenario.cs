using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// A real network partition between living nodes (Akka.Remote's throttler adapter drops the messages; both sides keep
/// running and keep the database) while a client on each side loads: the side that must lose (with keep-oldest, the side
/// without the oldest; the oldest alone downs itself) downs itself and exits 5, the other side downs it and goes on.
/// Both sides could write to the journal until then; nothing may be counted twice or lost, and the living client on the
/// winning side ends with sent = acknowledged = total.
/// </summary>
internal abstract class PartitionScenario : ChaosScenario
{
    public override bool ExpectsExactTotal => true;

    /// <summary>
    /// Cuts <paramref name="loser"/> off from <paramref name="winners"/>, waits until the winners have downed it and the
    /// loser has exited downed, and the living client <paramref name="client"/> has more batches acknowledged; then until
    /// its finite load is done.
    /// </summary>
    protected static async Task PartitionAndRecoverAsync(
        ChaosCluster cluster, NodeProcess loser, string role, IReadOnlyList<NodeProcess> winners, NodeProcess client, PartitionDirection direction)
    {
        ChaosSettings settings = cluster.Settings;
        long someBatches = (long)settings.BatchSize * settings.Window;
        RequireLoading(client, $"the partition of {loser.Name}");
        int fault = await cluster.PartitionAsync(loser, winners, direction, role, settings.FaultLength);
        await cluster.WaitDownedAsync(fault, winners, winners.Count + 1);
        await cluster.WaitExitsDownedAsync(loser);
        await cluster.WaitMoreAcknowledgedAsync(client, someBatches);
        await cluster.WaitLoadCompleteAsync(client);
        cluster.Note($"{client.Name}'s load is done; live total on {winners[0].Name}: {winners[0].Status?.Total:N0}");
    }
}
