using System.Diagnostics;
using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos;

/// <summary>
/// The faults a scenario does to its nodes: <c>kill -9</c>, a freeze placed inside a journal write (<c>kill -STOP</c>,
/// woken later or never), a partition (one way or both), each recorded as a <see cref="FaultEvent"/> with when the
/// survivors downed the node and when it ended.
/// </summary>
internal sealed partial class ChaosCluster
{
    private readonly List<FaultEvent> _faults = [];

    /// <summary>Wake-ups scheduled by <see cref="FreezeAsync"/> (each ends by waking its node, or at once if the run is cancelled).</summary>
    private readonly List<Task> _thaws = [];

    /// <summary>The faults done so far (kills, freezes, partitions), with when the survivors downed the node.</summary>
    public IReadOnlyList<FaultEvent> Faults
    {
        get
        {
            lock (_gate)
            {
                return _faults.ToList();
            }
        }
    }

    /// <summary><c>kill -9</c> <paramref name="node"/> and wait until it is gone.</summary>
    public async Task KillAsync(NodeProcess node, string role)
    {
        NodeStatus? before = node.Status;
        _stopped.Add(node);
        node.KillHard();
        AddFault(new FaultEvent(node.Name, FaultKind.Kill, role, node.KilledAt!.Value));
        Note($"kill -9 {node.Name} ({role}; it hosted {before?.ShardsHere ?? 0} shards, {before?.CountersHere ?? 0} counters)");
        await node.WaitForExitAsync(StopTimeout, CancellationToken);
    }

    /// <summary>
    /// <c>kill -STOP</c> <paramref name="node"/>: it stops where it is, holding its sockets, its database connections,
    /// any open transaction and any file lock. The freeze is placed at the moment that hurts the others most: the node
    /// is stopped for an instant again and again until it is caught inside a journal write transaction (a PostgreSQL
    /// session that has written, or SQLite's write lock: <see cref="JournalTransactionProbe"/>), for at most
    /// <see cref="WorstMomentSearch"/>; then it stays stopped. With a <paramref name="length"/> it is woken
    /// (<c>kill -CONT</c>) that long after, in the background; without, it sleeps until the scenario ends and is then
    /// killed. Either way it is no longer a member the scenario waits for: the cluster is expected to down it, and a
    /// woken node to exit 5. Returns the fault's index for <see cref="WaitDownedAsync"/>.
    /// </summary>
    public async Task<int> FreezeAsync(NodeProcess node, string role, TimeSpan? length)
    {
        NodeStatus? before = node.Status;
        _stopped.Add(node);
        var probe = new JournalTransactionProbe(Settings.Journal, DataFolder);
        var searching = Stopwatch.StartNew();
        int tries = 0;
        bool holding;
        while (true)
        {
            tries++;
            node.Freeze();
            holding = await probe.HoldsWriteTransactionAsync(node.Pid, CancellationToken);
            if (holding || searching.Elapsed > WorstMomentSearch || node.HasExited)
            {
                break;
            }

            node.Thaw(); // stopped for the few milliseconds of one look: far below anything the cluster notices
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 40)), CancellationToken);
        }

        int index = AddFault(new FaultEvent(node.Name, FaultKind.Freeze, role, node.FrozenAt!.Value) { Length = length, HeldJournalTransaction = holding, Pid = node.Pid });
        Note($"kill -STOP {node.Name} ({role}; it hosted {before?.ShardsHere ?? 0} shards, {before?.CountersHere ?? 0} counters), " +
             (holding ? $"inside a journal write transaction (found at look {tries})" : $"not inside a journal write transaction (none seen in {tries} looks)") +
             (length is { } l ? $"; woken in {l.TotalSeconds:0.#} s" : "; for ever"));
        if (length is { } wake)
        {
            _thaws.Add(ThawLaterAsync(node, index, wake));
        }

        return index;
    }

    /// <summary>How long <see cref="FreezeAsync"/> looks for a moment when its node is inside a journal write transaction.</summary>
    public static readonly TimeSpan WorstMomentSearch = TimeSpan.FromSeconds(10);

    /// <summary>
    /// SQLite: waits until one of <paramref name="survivors"/> reports that <paramref name="frozen"/>'s pid holds the
    /// journal's write lock (its status line says so), then kills the frozen node — what an operator does, since SQLite
    /// cannot take the lock from a living process; the kernel drops a dead process's locks. The freeze ends there.
    /// </summary>
    public async Task KillFrozenLockHolderAsync(NodeProcess frozen, int fault, IReadOnlyList<NodeProcess> survivors)
    {
        int pid = frozen.Pid;
        await WaitUntilAsync($"a survivor names {frozen.Name} (pid {pid}) as the journal's lock holder",
            () => survivors.Any(n => n.ReadReport() is { } r && r.JournalLocks.Any(l => l.Pid == pid)));
        Note($"the survivors name {frozen.Name} (pid {pid}) as the SQLite write lock's holder; kill -9 {frozen.Name} (SQLite cannot take the lock from a living process)");
        frozen.KillHard();
        UpdateFault(fault, f => f with { EndedAt = frozen.KilledAt });
        await frozen.WaitForExitAsync(StopTimeout, CancellationToken);
    }

    /// <summary>
    /// A network partition between <paramref name="node"/> and <paramref name="others"/> while all keep running and keep
    /// the database: <paramref name="node"/>'s transport drops its messages to them (<see cref="PartitionDirection.Send"/>:
    /// one way), or both ways. With a <paramref name="length"/> the links are healed that long after (if the node still
    /// runs); the rules live in the node's transport and end with its process. The node is expected to find itself on the
    /// losing side and exit 5 (<see cref="WaitExitsDownedAsync"/>). Returns the fault's index.
    /// </summary>
    public async Task<int> PartitionAsync(NodeProcess node, IReadOnlyList<NodeProcess> others, PartitionDirection direction, string role, TimeSpan? length)
    {
        if (!FaultInjection)
        {
            throw new InvalidOperationException("a partition needs every node started with fault injection");
        }

        NodeStatus? before = node.Status;
        _stopped.Add(node);
        int confirmed = node.FaultCommandsDone;
        DateTimeOffset at = DateTimeOffset.UtcNow;
        string way = direction == PartitionDirection.Send ? "send" : "both";
        foreach (NodeProcess other in others)
        {
            node.SendCommand($"cut {other.Seed} {way}");
        }

        await WaitUntilAsync($"{node.Name} confirms the cut links", () => node.FaultCommandsDone >= confirmed + others.Count);
        FaultKind kind = direction == PartitionDirection.Send ? FaultKind.OneWayPartition : FaultKind.Partition;
        int index = AddFault(new FaultEvent(node.Name, kind, role, at) { Length = length, Pid = node.Pid });
        Note($"partition: {node.Name} ({role}; it hosted {before?.ShardsHere ?? 0} shards, {before?.CountersHere ?? 0} counters) cut off from " +
             $"{string.Join(", ", others.Select(o => o.Name))}, {(direction == PartitionDirection.Send ? $"one way ({node.Name}'s messages lost, theirs arrive)" : "both ways")}" +
             (length is { } l ? $"; healed in {l.TotalSeconds:0.#} s" : "; for ever"));
        if (length is { } heal)
        {
            _thaws.Add(HealLaterAsync(node, others, index, heal));
        }

        return index;
    }

    /// <summary>Waits until every frozen node this scenario will wake has been woken.</summary>
    public Task WaitThawedAsync() => Task.WhenAll(_thaws);

    /// <summary>
    /// Waits until a node woken from a freeze has found itself downed and exited by itself: exit 5 (downed) is
    /// expected; its final report says what its client had acknowledged.
    /// </summary>
    public async Task WaitExitsDownedAsync(NodeProcess node)
    {
        int exit = await node.WaitForExitAsync(StopTimeout, CancellationToken);
        Note($"{node.Name} exited {exit}{(exit == 5 ? " (it found itself downed)" : "")}");
        if (exit != 5)
        {
            throw new ScenarioFailedException($"node {node.Name}, woken after the cluster downed it, exited {exit}, not 5 (downed): {node.LastErrors()}");
        }
    }

    /// <summary>
    /// Waits until every node in <paramref name="survivors"/> sees the faulted node removed (one member fewer than
    /// <paramref name="membersBefore"/>, none unreachable) and records when: the fault's time to downing.
    /// </summary>
    public async Task WaitDownedAsync(int fault, IReadOnlyList<NodeProcess> survivors, int membersBefore)
    {
        foreach (NodeProcess survivor in survivors)
        {
            await WaitMembersAsync(survivor, membersBefore - 1);
        }

        DateTimeOffset downed = DateTimeOffset.UtcNow;
        FaultEvent updated = UpdateFault(fault, f => f with { DownedAt = downed });
        Note($"{updated.Node} downed: {string.Join(", ", survivors.Select(n => n.Name))} see {membersBefore - 1} members Up ({updated.SecondsToDowning:0.0} s after the {updated.KindText})");
    }

    private int AddFault(FaultEvent fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
            return _faults.Count - 1;
        }
    }

    private FaultEvent UpdateFault(int index, Func<FaultEvent, FaultEvent> change)
    {
        lock (_gate)
        {
            return _faults[index] = change(_faults[index]);
        }
    }

    private async Task HealLaterAsync(NodeProcess node, IReadOnlyList<NodeProcess> others, int fault, TimeSpan after)
    {
        try
        {
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, _wakeNow.Token);
            await Task.Delay(after, wake.Token);
        }
        catch (OperationCanceledException)
        {
            // The run is ending: heal now (or find the node gone).
        }

        bool sent = false;
        foreach (NodeProcess other in others)
        {
            sent |= node.SendCommand($"heal {other.Seed}");
        }

        UpdateFault(fault, f => f with { EndedAt = DateTimeOffset.UtcNow });
        Note(sent ? $"partition healed: {node.Name}'s links restored" : $"partition over: {node.Name} had exited, its rules with it");
    }

    private async Task ThawLaterAsync(NodeProcess node, int fault, TimeSpan after)
    {
        try
        {
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, _wakeNow.Token);
            await Task.Delay(after, wake.Token);
        }
        catch (OperationCanceledException)
        {
            // The run is being cancelled: wake it anyway, so that it can be stopped (a stopped process ignores SIGTERM).
        }

        if (!node.HasExited)
        {
            node.Thaw();
            UpdateFault(fault, f => f with { EndedAt = node.ThawedAt });
            Note($"kill -CONT {node.Name} (frozen {(node.ThawedAt!.Value - node.FrozenAt!.Value).TotalSeconds:0.0} s)");
        }
    }
}
