namespace ActorConcurrency.Chaos.Scenarios;

/// <summary>
/// <c>kill -9</c> of a node that hosts counters while a client loads, as many times as asked: after each kill
/// the survivors down the node, its shards move, the client's acknowledgements resume, and a new node joins
/// in its place (on a new port) before the next kill. The first victim is not the seed; later ones are
/// whichever non-client node hosts the most counters, the seed included.
/// </summary>
internal sealed class KillShardHostScenario : ChaosScenario
{
    public override string Name => "kill-shard-host";

    public override string Description => "S, B, L; a counter host is killed (kill -9) and replaced, --kills times, while L loads";

    internal override async Task RunAsync(ChaosCluster cluster)
    {
        ChaosSettings settings = cluster.Settings;
        long someBatches = (long)settings.BatchSize * settings.Window;
        (NodeProcess s, NodeProcess b, NodeProcess l) = await cluster.StartServersAndClientAsync(ChaosSettings.UntilStopped);
        await cluster.WaitAcknowledgedAsync(l, someBatches);
        var hosts = new List<NodeProcess> { s, b };

        for (int kill = 1; kill <= settings.Kills; kill++)
        {
            NodeProcess victim = await VictimAsync(cluster, hosts, avoid: kill == 1 ? s : null);
            await cluster.KillAsync(victim, $"kill {kill} of {settings.Kills}, hosting counters");
            hosts.Remove(victim);
            await cluster.WaitMembersAsync(l, 2);
            await cluster.WaitMoreAcknowledgedAsync(l, someBatches);
            cluster.Note($"{victim.Name} downed; L's acknowledgements resumed");

            NodeProcess replacement = cluster.Start($"R{kill}", [l, .. hosts]);
            hosts.Add(replacement);
            await cluster.WaitMembersAsync(l, 3);
            await cluster.WaitMembersAsync(replacement, 3);
            await cluster.RunOnAsync();
        }
    }

    /// <summary>The running non-client node hosting the most counters (waits until one hosts any).</summary>
    private static async Task<NodeProcess> VictimAsync(ChaosCluster cluster, List<NodeProcess> hosts, NodeProcess? avoid)
    {
        List<NodeProcess> candidates = hosts.Where(h => h != avoid).ToList();
        await cluster.WaitAnyHostsCountersAsync(candidates);
        return candidates.Where(h => h.Status is { CountersHere: > 0 }).OrderByDescending(h => h.Status!.CountersHere).First();
    }
}
