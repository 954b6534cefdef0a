using System.Runtime.InteropServices;
using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Host.Commands;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Spectre.Console;

namespace ActorConcurrency.Host.Node;

/// <summary>
/// The life of one started <c>node</c>: it sends its load (if any) while printing, every <c>--status-every</c>,
/// a load line (sent / acknowledged / retried / in flight) and a cluster line (members, shards and counters
/// here, the total, messages lost), and rewrites its <c>--report</c> file. It stops on Ctrl+C or SIGTERM
/// (final report, then a clean leave: shards hand off), or when the cluster downs it (final report, one line
/// on stderr saying why, exit 5). The final report is written before the leave, so it is there even if the
/// leave is cut short.
/// </summary>
internal sealed class NodeRun
{
    private readonly HostConsole _console;
    private readonly ShardedCounterNode _node;
    private readonly NodeRunSettings _settings;
    private readonly IncrementProgress _progress = new();
    private readonly LostMessages _lost;
    private readonly MembershipWatch _members;
    private readonly JournalLockWatch? _journalLock;
    private readonly string _address;
    private NodeStop? _signal;
    private volatile bool _leaving;
    private bool _failureSaid;

    private NodeRun(HostConsole console, ShardedCounterNode node, NodeRunSettings settings)
    {
        (_console, _node, _settings) = (console, node, settings);
        _lost = LostMessages.Start(node.System);
        _members = new MembershipWatch(node.System);
        _journalLock = JournalLockWatch.Start(node);
        _address = node.Address.ToString();
    }

    public static Task<int> RunAsync(HostConsole console, ShardedCounterNode node, NodeRunSettings settings, CancellationToken cancellationToken) =>
        new NodeRun(console, node, settings).RunAsync(cancellationToken);

    private async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        IAnsiConsole output = _console.Output;
        output.MarkupLine($"node [bold]{Markup.Escape(_address)}[/] is Up and its counter region is ready; journal {Markup.Escape(_node.JournalDescription)}");
        output.MarkupLine($"[grey]downing: {DowningText(_settings.Downing)}[/]");
        output.MarkupLine($"[grey]join it with: node --port <another port> --seed {_node.Address.Host}:{_node.Address.Port}; Ctrl+C leaves the cluster[/]");

        // Ctrl+C and SIGTERM cancel the command's token; these registrations only remember which one it was.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, NodeStop.Interrupted, stopping));
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, NodeStop.Terminated, stopping));
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.Get(_node.System).RegisterOnMemberRemoved(() => removed.TrySetResult());
        _ = removed.Task.ContinueWith(_ => stopping.Cancel(), TaskScheduler.Default);
        _ = _node.System.WhenTerminated.ContinueWith(_ => stopping.Cancel(), TaskScheduler.Default);
        CancellationToken stop = stopping.Token;
        if (_settings.FaultInjection)
        {
            _ = Task.Run(() => FaultCommands.TakeAsync(_console, _node, stop), CancellationToken.None);
        }

        Task<IncrementReport>? load = _settings.Load > 0
            ? Task.Run(() => AcknowledgedIncrements.SendAsync(_node.Region, _settings.Keys, _settings.Load, _settings.LoadOptions, _progress, cancellationToken: stop), CancellationToken.None)
            : null;
        bool loadReported = false;
        var reader = new MonotonicTotalReader(_node.Region, _settings.Keys, TimeSpan.FromSeconds(5));
        using var timer = new PeriodicTimer(_settings.StatusEvery);
        try
        {
            do
            {
                if (load is not null && !loadReported)
                {
                    loadReported = ReportLoad(load, final: false, reason: "running");
                }
                else
                {
                    WriteReport(_progress.Snapshot(), load, final: false, load is null ? "running" : "completed");
                }

                await PrintClusterStatusAsync(reader, stop);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A signal, a removal from the cluster, or the system stopping: reported below.
        }

        // A signal seen here, or the host's interrupt token (Ctrl+C, or a spec pressing it), or the cluster.
        NodeStop why = _signal
            ?? (cancellationToken.IsCancellationRequested ? NodeStop.Interrupted
                : removed.Task.IsCompleted && !_leaving ? NodeStop.Downed : NodeStop.SystemStopped);
        if (load is not null)
        {
            await load.ContinueWith(_ => { }, TaskScheduler.Default); // cancelled with the token: returns at once

            if (!loadReported || why != NodeStop.SystemStopped)
            {
                ReportLoad(load, final: true, reason: ReasonText(why, load, _progress.Snapshot()));
            }
        }
        else
        {
            WriteReport(_progress.Snapshot(), load, final: true, ReasonText(why, load, _progress.Snapshot()));
        }

        if (why == NodeStop.Downed)
        {
            _console.Error.WriteLine(
                $"error: the cluster downed this node ({_address}): it was seen unreachable or on the losing side of a partition, " +
                $"and the split-brain resolver ({DowningText(_settings.Downing)}) removed it; restart it with --seed to rejoin");
        }

        if (!_node.System.WhenTerminated.IsCompleted)
        {
            _leaving = true;
            output.MarkupLine("leaving the cluster (CoordinatedShutdown: shards hand off to the other nodes)…");
            await _node.ShutdownAsync();
        }

        await _node.System.WhenTerminated;
        _members.Dispose();
        _journalLock?.Dispose();
        output.MarkupLine("node stopped");
        return why switch
        {
            NodeStop.Interrupted => ExitCodes.Interrupted,
            NodeStop.Terminated => ExitCodes.Terminated,
            NodeStop.Downed => ExitCodes.NodeDowned,
            _ => load is { IsFaulted: true } ? ExitCodes.DemonstrationFailed : ExitCodes.Ok,
        };
    }

    private void OnSignal(PosixSignalContext context, NodeStop why, CancellationTokenSource stopping)
    {
        _signal ??= why;
        context.Cancel = true; // the node leaves the cluster itself; the runtime must not exit under it
        stopping.Cancel();
    }

    /// <summary>Prints the load line (and the final one when it ended) and rewrites the report; true once the final line is out.</summary>
    private bool ReportLoad(Task<IncrementReport> load, bool final, string reason)
    {
        IncrementReport now = _progress.Snapshot();
        if (final || load.IsCompleted)
        {
            // Said with the first final line only: the stop may write the final line a second time.
            if (load.Exception?.InnerException is { } failure && !_failureSaid)
            {
                _failureSaid = true;
                _console.Error.WriteLine($"error: the load stopped: {failure.Message}");
            }

            string why = final ? reason : IsComplete(load, now) ? "completed" : "stopped";
            _console.Output.MarkupLine(
                $"load final ({why}): sent {now.Sent:N0} | acknowledged {now.Acknowledged:N0} | retried {now.Retried:N0} | " +
                $"unacknowledged {now.Unacknowledged:N0} | duplicates suppressed {now.DuplicatesSuppressed:N0}");
            WriteReport(now, load, final, why);
            return true;
        }

        _console.Output.MarkupLine(
            $"{DateTime.Now:HH:mm:ss} load: sent {now.Sent:N0} | acknowledged {now.Acknowledged:N0} | retried {now.Retried:N0} | " +
            $"in flight {now.InFlight:N0} | duplicates {now.DuplicatesSuppressed:N0}");
        WriteReport(now, load, final: false, reason);
        return false;
    }

    /// <summary>
    /// Every increment of the load sent and answered: not merely "the sending task ended", since a stopped load
    /// ends too. The one definition behind the report's <c>loadComplete</c> and the "completed" reason.
    /// </summary>
    private bool IsComplete(Task<IncrementReport>? load, IncrementReport now) =>
        load is { IsCompletedSuccessfully: true } && now.Sent == _settings.Load && now.InFlight == 0;

    private void WriteReport(IncrementReport now, Task<IncrementReport>? load, bool final, string reason)
    {
        if (_settings.ReportPath is { } path)
        {
            NodeReport.From(_address, now, _lost, IsComplete(load, now), final, reason, _members.Events, _journalLock?.Locks).WriteTo(path);
        }
    }

    private async Task PrintClusterStatusAsync(MonotonicTotalReader reader, CancellationToken cancellationToken)
    {
        var cluster = Cluster.Get(_node.System);
        // One budget for both questions, so that a line comes at least every StatusAnswerBudget + --status-every
        // even while the region does not answer (a fail-over, a locked journal: what the line must then say).
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(StatusAnswerBudget);
        (int Shards, int Counters, long Total)? answer;
        try
        {
            var state = await _node.Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, StatusAnswerBudget, budget.Token);
            int shards = state.Shards.Count(s => s.EntityIds.Any(id => id != ShardedCounterNode.ReadinessKey));
            int counters = state.Shards.Sum(s => s.EntityIds.Count(id => id != ShardedCounterNode.ReadinessKey));
            TotalRead total = await reader.ReadAsync(budget.Token);
            answer = (shards, counters, total.Total);
        }
        catch (Exception ex) when (ex is AskTimeoutException || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Shards moving or a member being downed: say so and try again at the next tick.
            answer = null;
        }

        // Membership as it is now, not as it was before the questions were asked.
        int up = cluster.State.Members.Count(m => m.Status == MemberStatus.Up);
        int unreachable = cluster.State.Unreachable.Count;
        NodeStatus status = answer is { } a
            ? new NodeStatus(up, unreachable, a.Shards, a.Counters, a.Total)
            : new NodeStatus(up, unreachable, 0, 0, 0) { RegionAnswered = false };
        _console.Output.MarkupLine(status.Format(
            DateTime.Now, KeyRange(), _lost.DeadLetters, _lost.ShardDrops, _journalLock?.Describe(), StatusAnswerBudget,
            emphasis: text => $"[bold]{Markup.Escape(text)}[/]",
            warning: text => $"[yellow]{Markup.Escape(text)}[/]",
            alarm: text => $"[red]{Markup.Escape(text)}[/]"));
    }

    /// <summary>How long a status line waits for the region's answers before it says there was none.</summary>
    private static readonly TimeSpan StatusAnswerBudget = TimeSpan.FromSeconds(5);

    private string KeyRange() => _settings.Keys.Count == 1 ? _settings.Keys[0] : $"{_settings.Keys[0]}..{_settings.Keys[^1]}";

    private string ReasonText(NodeStop why, Task<IncrementReport>? load, IncrementReport now) => why switch
    {
        NodeStop.Interrupted => "interrupted",
        NodeStop.Terminated => "terminated",
        NodeStop.Downed => "downed",
        _ => IsComplete(load, now) ? "completed" : "stopped",
    };

    internal static string DowningText(DowningStrategy downing) => downing == DowningStrategy.KeepMajority
        ? "keep-majority: the larger side survives; in a 2-node cluster the node with the higher address downs itself when the other dies"
        : "keep-oldest: a 2-node cluster survives losing the younger node, not the oldest (two nodes cannot tell a crash from a partition)";
}
