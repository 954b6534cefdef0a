using System.Diagnostics;
using System.Globalization;
using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos;

/// <summary>
/// The nodes of one scenario and the steps done to them. Every node it starts is on 127.0.0.1, on a port
/// never used before in this run, with its logs and report in the scenario folder; every wait has a deadline
/// and fails the scenario when a node that nobody stopped has exited. Disposing it kills whatever still runs.
/// </summary>
internal sealed class ChaosCluster : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly FreePorts _ports;
    private readonly List<NodeProcess> _nodes = [];
    private readonly HashSet<NodeProcess> _stopped = [];
    private readonly List<(DateTimeOffset At, string Text)> _events = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Action<string>? _log;

    public ChaosCluster(ChaosSettings settings, string folder, FreePorts ports, CancellationToken cancellationToken, Action<string>? log = null)
    {
        Settings = settings;
        Folder = folder;
        _ports = ports;
        _log = log;
        CancellationToken = cancellationToken;
        Directory.CreateDirectory(Path.Combine(folder, "data"));
    }

    public ChaosSettings Settings { get; }

    /// <summary>The scenario folder: logs, reports, the SQLite journal.</summary>
    public string Folder { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

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

    /// <summary>Guards the event and fault lists: a scheduled wake-up notes itself from the background.</summary>
    private readonly Lock _gate = new();

    private readonly List<FaultEvent> _faults = [];

    /// <summary>Wake-ups scheduled by <see cref="FreezeAsync"/> (each ends by waking its node, or at once if the run is cancelled).</summary>
    private readonly List<Task> _thaws = [];

    /// <summary>Cancelled when the cluster is abandoned or disposed: a pending wake-up happens at once.</summary>
    private readonly CancellationTokenSource _wakeNow = new();

    /// <summary>What the scenario did, with seconds since it began.</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.Select(e => $"{(e.At - _events[0].At).TotalSeconds,6:0.0} s  {e.Text}").ToList();
            }
        }
    }

    /// <summary>Notes a step in the scenario's event list.</summary>
    public void Note(string text)
    {
        lock (_gate)
        {
            _events.Add((DateTimeOffset.UtcNow, text));
        }

        _log?.Invoke(text);
    }

    /// <summary>
    /// Every node started from now on runs with <c>--fault-injection</c> (remoting through Akka's throttler adapter), so
    /// that <see cref="PartitionAsync"/> can cut links; a cluster's nodes must all have it or none.
    /// </summary>
    public bool FaultInjection { get; set; }

    /// <summary>Starts a node seeded by <paramref name="seeds"/> (none: it starts a new cluster); a positive <paramref name="load"/> makes it a client.</summary>
    public NodeProcess Start(string name, IEnumerable<NodeProcess> seeds, long load = 0)
    {
        int port = _ports.Next();
        var arguments = new List<string> { "--port", port.ToString(CultureInfo.InvariantCulture) };
        foreach (NodeProcess seed in seeds)
        {
            arguments.Add("--seed");
            arguments.Add(seed.Seed);
        }

        arguments.AddRange(Settings.Journal.NodeArguments(DataFolder));
        arguments.AddRange(["--keys", Fmt(Settings.Keys)]);
        if (load > 0)
        {
            arguments.AddRange(["--load", load.ToString(CultureInfo.InvariantCulture), "--batch-size", Fmt(Settings.BatchSize),
                "--window", Fmt(Settings.Window), "--ack-timeout", Fmt(Settings.AckTimeout), "--delivery", Settings.Delivery]);
        }

        arguments.AddRange(["--status-every", Fmt(Settings.StatusEvery), "--report", Path.Combine(Folder, $"{name}.report.json")]);
        if (FaultInjection)
        {
            arguments.Add("--fault-injection");
        }

        NodeProcess node = NodeProcess.Start(Settings, name, port, Folder, arguments, load > 0);
        _nodes.Add(node);
        Note($"start {name} on :{port}{(load > 0 ? $" loading {(load >= ChaosSettings.UntilStopped ? "until stopped" : load.ToString("N0", CultureInfo.InvariantCulture))}" : "")}{(seeds.Any() ? $", seed {string.Join(", ", seeds.Select(s => s.Name))}" : ", new cluster")}");
        return node;
    }

    /// <summary>
    /// Starts the first node of a new cluster and waits until it is Up, so the nodes seeded by it join at their
    /// first attempt instead of waiting out a join retry.
    /// </summary>
    public async Task<NodeProcess> StartFirstAsync(string name, long load = 0)
    {
        NodeProcess node = Start(name, [], load);
        await WaitMembersAsync(node, 1);
        return node;
    }

    /// <summary>Waits until <paramref name="node"/> sees <paramref name="members"/> members Up and none unreachable.</summary>
    public Task WaitMembersAsync(NodeProcess node, int members) =>
        WaitUntilAsync($"{node.Name} sees {members} members Up, none unreachable",
            () => node.Status is { } s && s.MembersUp == members && s.Unreachable == 0);

    /// <summary>Waits until <paramref name="node"/> hosts at least one counter (a shard with a k-key moved or was allocated there).</summary>
    public Task WaitHostsCountersAsync(NodeProcess node) =>
        WaitUntilAsync($"{node.Name} hosts a counter", () => node.Status is { CountersHere: > 0 });

    /// <summary>Waits until one of <paramref name="nodes"/> hosts a counter.</summary>
    public Task WaitAnyHostsCountersAsync(IReadOnlyList<NodeProcess> nodes) =>
        WaitUntilAsync($"one of {string.Join(", ", nodes.Select(n => n.Name))} hosts a counter", () => nodes.Any(n => n.Status is { CountersHere: > 0 }));

    /// <summary>Waits until the client has <paramref name="acknowledged"/> increments acknowledged.</summary>
    public Task WaitAcknowledgedAsync(NodeProcess loader, long acknowledged) =>
        WaitUntilAsync($"{loader.Name} has {acknowledged:N0} acknowledged", () => loader.ReadReport() is { } r && r.Acknowledged >= acknowledged);

    /// <summary>Waits until the client's acknowledgements have grown by <paramref name="more"/> from now (the load goes on).</summary>
    public async Task WaitMoreAcknowledgedAsync(NodeProcess loader, long more)
    {
        long now = loader.ReadReport()?.Acknowledged ?? 0;
        await WaitAcknowledgedAsync(loader, now + more);
    }

    /// <summary>Waits until the client finished its finite load.</summary>
    public Task WaitLoadCompleteAsync(NodeProcess loader) =>
        WaitUntilAsync($"{loader.Name} completes its load", () => loader.ReadReport() is { LoadComplete: true }, TimeSpan.FromTicks(Settings.StepTimeout.Ticks * 3));

    /// <summary>The load runs on for <see cref="ChaosSettings.Seconds"/> (the scenario's time under load), nodes watched.</summary>
    public Task RunOnAsync() => WaitUntilAsync($"the load running {Settings.Seconds:0.#} s", DeadlineFrom(TimeSpan.FromSeconds(Settings.Seconds)));

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

    /// <summary>Stops <paramref name="node"/> as a user would (Ctrl+C or SIGTERM) and checks its exit code (130 or 143).</summary>
    public async Task StopAsync(NodeProcess node, bool interrupt = false)
    {
        _stopped.Add(node);
        Note($"{(interrupt ? "Ctrl+C (SIGINT)" : "SIGTERM")} {node.Name}");
        if (interrupt)
        {
            node.Interrupt();
        }
        else
        {
            node.Terminate();
        }

        int exit = await node.WaitForExitAsync(StopTimeout, CancellationToken);
        int expected = interrupt ? 130 : 143;
        if (exit != expected)
        {
            throw new ScenarioFailedException($"node {node.Name} exited {exit} after {(interrupt ? "SIGINT" : "SIGTERM")}, not {expected}: {node.LastErrors()}");
        }

        if (node.IsLoader && node.ReadReport() is not { Final: true })
        {
            throw new ScenarioFailedException($"client {node.Name} exited without its final report ({node.ReportPath})");
        }
    }

    /// <summary>
    /// Stops every node still running: clients first (Ctrl+C), then the others together (SIGTERM). A node still
    /// frozen is killed first (it could not answer a signal, and it may hold the journal's lock): its report is its
    /// last tick's.
    /// </summary>
    public async Task StopAllAsync()
    {
        foreach (NodeProcess frozen in _nodes.Where(n => n.IsFrozen).ToList())
        {
            Note($"kill -9 {frozen.Name}, frozen to the end");
            frozen.KillHard();
            await frozen.WaitForExitAsync(StopTimeout, CancellationToken);
        }

        foreach (NodeProcess loader in Running().Where(n => n.IsLoader).ToList())
        {
            await StopAsync(loader, interrupt: true);
        }

        await Task.WhenAll(Running().ToList().Select(n => StopAsync(n)));
    }

    /// <summary>
    /// <c>node --read-total</c>: a fresh single node on the journal (nothing else running on it) reads every key.
    /// </summary>
    public async Task<ReadTotalReport> ReadTotalAsync(string label)
    {
        if (Running().Any())
        {
            throw new InvalidOperationException("read-total needs the journal to itself: stop every node first");
        }

        string name = $"read-{label}";
        string report = Path.Combine(Folder, $"{name}.json");
        var arguments = new List<string> { "--read-total", "--keys", Fmt(Settings.Keys), "--report", report };
        arguments.AddRange(Settings.Journal.NodeArguments(DataFolder));
        NodeProcess reader = NodeProcess.Start(Settings, name, 0, Folder, arguments, loader: false);
        _stopped.Add(reader);
        int exit = await reader.WaitForExitAsync(TimeSpan.FromTicks(Settings.StepTimeout.Ticks * 2), CancellationToken);
        await reader.DisposeAsync();
        if (exit != 0 || !File.Exists(report))
        {
            throw new ScenarioFailedException($"node --read-total exited {exit}: {reader.LastErrors()} (see {reader.StderrPath})");
        }

        ReadTotalReport total;
        try
        {
            total = ReadTotalReport.ReadFrom(report);
        }
        catch (InvalidDataException)
        {
            throw new ScenarioFailedException($"node --read-total wrote an empty report {report}");
        }

        Note($"read-total ({label}): total {total.Total:N0}");
        return total;
    }

    /// <summary>After a failed step: kills every node still running (not counted as a scenario's kill).</summary>
    public async Task AbandonAsync()
    {
        foreach (NodeProcess node in _nodes.Where(n => !n.HasExited))
        {
            _stopped.Add(node);
            node.KillHard();
            await node.WaitForExitAsync(StopTimeout, CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _wakeNow.CancelAsync();
        await Task.WhenAll(_thaws);
        _wakeNow.Dispose();
        foreach (NodeProcess node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private string DataFolder => Path.Combine(Folder, "data");

    private IEnumerable<NodeProcess> Running() => _nodes.Where(n => !n.HasExited && !_stopped.Contains(n));

    private Func<bool> DeadlineFrom(TimeSpan span)
    {
        long end = _clock.ElapsedTicks + (long)(span.TotalSeconds * Stopwatch.Frequency);
        return () => _clock.ElapsedTicks >= end;
    }

    /// <summary>
    /// Polls <paramref name="condition"/> (it reads the nodes' newest status lines and report files) until it
    /// holds; fails when the deadline passes or when a node nobody stopped has exited (downed, crashed).
    /// </summary>
    private async Task WaitUntilAsync(string what, Func<bool> condition, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? Settings.StepTimeout;
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (_nodes.FirstOrDefault(n => n.HasExited && !_stopped.Contains(n)) is { } gone)
            {
                throw new ScenarioFailedException($"while waiting until {what}: node {gone.Name} exited {gone.ExitCode} by itself: {gone.LastErrors()}");
            }

            if (waited.Elapsed > limit)
            {
                throw new ScenarioFailedException($"{what}: not within {limit.TotalSeconds:0} s");
            }

            // The nodes report at --status-every; a fifth of it is soon enough to see a change.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(0.2, Settings.StatusEvery / 2)), CancellationToken);
        }
    }

    private static string Fmt(double value) => value.ToString(CultureInfo.InvariantCulture);
}
