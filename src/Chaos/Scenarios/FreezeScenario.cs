namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// A node is frozen (<c>kill -STOP</c>) while a client on another node loads: the process keeps its sockets, its
/// database connections, any open transaction and any file lock, but answers nothing. The survivors must down it
/// and go on acknowledging while it sleeps; woken (<c>kill -CONT</c>, after <see cref="ChaosSettings.FaultLength"/>
/// or never), it must find itself downed and exit 5 without anything it wrote being counted twice or lost.
/// </summary>
internal abstract class FreezeScenario : ChaosScenario
{
    public override bool ExpectsExactTotal => true;

    /// <summary>
    /// Freezes <paramref name="victim"/>, waits until <paramref name="survivors"/> have downed it and the living
    /// client <paramref name="client"/> has more batches acknowledged, then wakes it (if the freeze has a length) and
    /// waits until it exits downed; then until the client's finite load is done.
    /// </summary>
    protected static async Task FreezeAndRecoverAsync(ChaosCluster cluster, NodeProcess victim, string role, IReadOnlyList<NodeProcess> survivors, NodeProcess client)
    {
        ChaosSettings settings = cluster.Settings;
        long someBatches = (long)settings.BatchSize * settings.Window;
        RequireLoading(client, $"{victim.Name}'s freeze");
        int fault = await cluster.FreezeAsync(victim, role, settings.FaultLength);
        await cluster.WaitDownedAsync(fault, survivors, survivors.Count + 1);
        if (!settings.Journal.IsShared && settings.FaultLength is null && cluster.Faults[fault].HeldJournalTransaction)
        {
            // SQLite's documented limit: a process frozen inside a write keeps the file's only write lock, and the others
            // wait for it as long as it sleeps. They must say who holds it; then the holder is killed, as a user would.
            await cluster.KillFrozenLockHolderAsync(victim, fault, survivors);
        }

        await cluster.WaitMoreAcknowledgedAsync(client, someBatches);
        cluster.Note(victim.IsFrozen
            ? $"{client.Name}'s acknowledgements resumed while {victim.Name} is still frozen"
            : $"{client.Name}'s acknowledgements resumed only after {victim.Name} was {(victim.KilledAt is null ? "woken" : "killed")}");
        if (settings.FaultLength is not null && victim.KilledAt is null)
        {
            await cluster.WaitThawedAsync();
            await cluster.WaitExitsDownedAsync(victim);
        }

        await cluster.WaitLoadCompleteAsync(client);
        cluster.Note($"{client.Name}'s load is done; live total on {survivors[0].Name}: {survivors[0].Status?.Total:N0}");
    }
}
