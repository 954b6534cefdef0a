using System.CommandLine;
using System.Diagnostics;
using ActorConcurrency.Actors.Connection;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.SharedState.Connection;
using Akka.Actor;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 18: the connection lifecycle as a lock, a CAS loop and an FSM actor. Each form lives through
/// <c>--runs</c> lifecycles, each driven by <c>--requesters</c> concurrent requesters sending random
/// transition requests while a reader checks every state it sees; the accepted transitions, ordered by
/// their sequence numbers, must form a legal path from Idle. Then the FSM's connect timeout is shown firing
/// with rejected requests arriving while it is Connecting (they must not postpone it). Every wait takes the
/// interrupt token, so Ctrl+C stops it at once, in the lifecycles or in the deadline demonstration, and the actor
/// system is created only when the actor form starts (Ctrl+C during the lock and CAS forms has none to shut down).
/// </summary>
internal sealed class Task18ConnectionLifecycle : CatalogTask
{
    /// <summary>How many concurrent requesters drive each lifecycle.</summary>
    public static readonly TaskOption<int> Requesters = new(
        "--requesters", "How many concurrent requesters drive each connection (task 18)", 4, v => v is < 1 or > 256 ? "must be from 1 to 256" : null);

    /// <summary>The FSM's connect timeout in the deadline demonstration.</summary>
    public static readonly TaskOption<int> ConnectTimeoutMs = new(
        "--connect-timeout-ms", "The FSM's connect timeout in the deadline demonstration, in ms (task 18)", 300,
        v => v is < 50 or > 10_000 ? "must be from 50 to 10000" : null);

    private const int RequestsEach = 50;
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    /// <summary>When the last rejected request arrives, as a fraction of the connect timeout.</summary>
    private const double LastRejectedAt = 0.9;

    public override TaskInfo Info { get; } = new(
        18,
        "Connection state machine",
        "state machine with atomics: pick one, explain why",
        "Connection",
        SharedStateTypes: ["LockedConnection", "CasConnection", "ConnectionLifecycle"],
        ActorTypes: ["ConnectionFsm"],
        Specs: ["ConnectionLifecycleSpec", "ConnectionPropertySpec", "ConnectionFsmSpec", "ConnectionFsmDeadlineSpec"],
        Benchmark: "ConnectionBenchmarks");

    public override IReadOnlyList<Option> Options => [RunOptions.Runs.Option, Requesters.Option, ConnectTimeoutMs.Option];

    /// <summary>One lifecycle of one form: a request entry point, a state reader (null for the actor) and a teardown.</summary>
    private sealed record Lifecycle(
        Func<ConnectionRequest, CancellationToken, Task<TransitionOutcome>> RequestAsync,
        Func<ConnectionState>? ReadState,
        Func<CancellationToken, Task<(ConnectionState State, long Transitions)>> FinalAsync,
        Action Dispose);

    /// <summary>A form: its short name (the table's first column, narrow enough for 80 columns), its type, and how to make one.</summary>
    private sealed record Form(string Name, string Type, Func<Lifecycle> Create)
    {
        public string Label => $"{Name} ({Type})";
    }

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        int runs = context.Get(RunOptions.Runs);
        int requesters = context.Get(Requesters);
        TimeSpan connectTimeout = TimeSpan.FromMilliseconds(context.Get(ConnectTimeoutMs));
        CancellationToken cancellation = context.CancellationToken;
        Form[] forms =
        [
            new("lock", nameof(LockedConnection), () => SharedMemory(new LockedConnection())),
            new("CAS loop", nameof(CasConnection), () => SharedMemory(new CasConnection())),
            new("FSM actor", nameof(ConnectionFsm), () => Actor(context.ActorSystem)),
        ];

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{runs} lifecycles per form, {requesters} requesters × {RequestsEach} random requests each[/]")
            .AddColumns("form", "requests", "accepted", "rejected", "transitions on longest path", "logs that are legal paths", "reads outside the 5 states")
            .Caption($"[grey]{Markup.Escape(string.Join(", ", forms.Select(f => f.Label)))}[/]");
        bool held = true;
        var evidence = new List<string>();
        foreach (Form form in forms)
        {
            long requests = 0, accepted = 0, rejected = 0, invalidReads = 0;
            long longest = 0;
            int legal = 0;
            var problems = new List<string>();
            for (int run = 0; run < runs; run++)
            {
                cancellation.ThrowIfCancellationRequested();
                Lifecycle lifecycle = form.Create();
                try
                {
                    (TransitionOutcome[] log, int badReads) = await DriveAsync(lifecycle, requesters, seed: run, cancellation);
                    (ConnectionState final, long transitions) = await lifecycle.FinalAsync(cancellation);
                    string? problem = Check(log, final, transitions);
                    if (problem is null)
                    {
                        legal++;
                    }
                    else
                    {
                        problems.Add(problem);
                    }

                    requests += log.Length;
                    accepted += log.Count(o => o.Accepted);
                    rejected += log.Count(o => !o.Accepted);
                    longest = Math.Max(longest, transitions);
                    invalidReads += badReads;
                }
                finally
                {
                    lifecycle.Dispose();
                }
            }

            bool formHeld = legal == runs && invalidReads == 0;
            held &= formHeld;
            table.AddRow(
                Markup.Escape(form.Name),
                requests.ToString(),
                accepted.ToString(),
                rejected.ToString(),
                longest.ToString(),
                legal == runs ? $"[green]{legal}/{runs}[/]" : $"[red]{legal}/{runs}[/]",
                form.Name.StartsWith("FSM", StringComparison.Ordinal) ? "[grey]n/a (state only by message)[/]" : invalidReads == 0 ? "[green]0[/]" : $"[red]{invalidReads}[/]");
            foreach (string problem in problems.Take(3))
            {
                context.Console.MarkupLine($"[red]{Markup.Escape(form.Label)}: {Markup.Escape(problem)}[/]");
            }

            evidence.Add($"{form.Label}: {legal}/{runs} legal, {rejected} rejected");
        }

        context.Console.Write(table);
        context.Console.MarkupLine("[grey]What a request costs in each form is measured by ConnectionBenchmarks (a timing here, with the requesters' tasks, Asks and checks, would not say it).[/]");

        (bool timedOut, TimeSpan after, int rejectedWhileConnecting, IReadOnlyList<string> seenTransitions) =
            await ShowConnectTimeoutAsync(context.ActorSystem, connectTimeout, cancellation);
        var timeout = new Table().Border(TableBorder.Rounded).Title("[bold]FSM connect timeout (named timer set on entering Connecting)[/]")
            .AddColumns("configured timeout", "rejected requests while Connecting", "Connecting → Idle after (indicative)", "transitions seen by a subscriber");
        timeout.AddRow(
            $"{connectTimeout.TotalMilliseconds:0} ms",
            rejectedWhileConnecting.ToString(),
            timedOut ? $"{after.TotalMilliseconds:0} ms" : "[red]did not fire[/]",
            Markup.Escape(string.Join(", ", seenTransitions)));
        context.Console.Write(timeout);
        // A plain state timeout is re-armed by each message Connecting handles: after the last rejected request
        // (at 90% of the timeout) it cannot fire before 1.9 timeouts, so firing earlier proves the deadline kept.
        TimeSpan rearmed = (connectTimeout * LastRejectedAt) + connectTimeout;
        bool deadlineKept = timedOut && after < rearmed;
        context.Console.MarkupLine(deadlineKept
            ? $"Fired at {after.TotalMilliseconds:0} ms, before the {rearmed.TotalMilliseconds:0} ms a re-armed state timeout would have waited for: the {rejectedWhileConnecting} rejected requests did not postpone the deadline."
            : $"[red]Fired at {after.TotalMilliseconds:0} ms, not before {rearmed.TotalMilliseconds:0} ms: the rejected requests postponed the connect deadline (or the machine delayed the timer that much; ConnectionFsmDeadlineSpec checks it on a virtual clock).[/]");
        held &= deadlineKept;
        evidence.Add(!timedOut ? "connect timeout did not fire"
            : deadlineKept ? $"connect timeout fired after {after.TotalMilliseconds:0} ms (deadline kept)"
            : $"connect timeout fired after {after.TotalMilliseconds:0} ms (postponed past {rearmed.TotalMilliseconds:0} ms)");
        return new DemoOutcome(held, string.Join("; ", evidence));
    }

    /// <summary>Null when the accepted transitions, by sequence, are a legal path from Idle ending in the final state.</summary>
    private static string? Check(TransitionOutcome[] log, ConnectionState final, long transitions)
    {
        TransitionOutcome[] accepted = log.Where(o => o.Accepted).OrderBy(o => o.Sequence).ToArray();
        ConnectionState at = ConnectionState.Idle;
        for (int i = 0; i < accepted.Length; i++)
        {
            TransitionOutcome o = accepted[i];
            if (o.Sequence != i + 1 || o.Observed != at || !ConnectionLifecycle.IsLegal(o.Observed, o.To))
            {
                return $"transition {i + 1} is {o}, but the connection was {at}";
            }

            at = o.To;
        }

        if (at != final || accepted.Length != transitions)
        {
            return $"the log ends in {at} after {accepted.Length} transitions; the connection says {final} after {transitions}";
        }

        TransitionOutcome[] wronglyRejected = log.Where(o => !o.Accepted && ConnectionLifecycle.EdgeOf(o.Request).From == o.Observed).ToArray();
        return wronglyRejected.Length == 0 ? null : $"{wronglyRejected[0]}, although it observed the edge's own source state";
    }

    /// <summary>Connect and ConnectFailed weighted up, so a lifecycle loops Idle ⇄ Connecting for a while before it closes.</summary>
    private static ConnectionRequest RandomRequest(Random random) => random.Next(10) switch
    {
        < 3 => ConnectionRequest.Connect,
        < 6 => ConnectionRequest.ConnectFailed,
        6 => ConnectionRequest.ConnectSucceeded,
        7 => ConnectionRequest.Disconnect,
        8 => ConnectionRequest.DisconnectCompleted,
        _ => ConnectionRequest.Close,
    };

    private static async Task<(TransitionOutcome[] Log, int InvalidReads)> DriveAsync(Lifecycle lifecycle, int requesters, int seed, CancellationToken cancellation)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int invalidReads = 0;
        using var done = new CancellationTokenSource();
        Task reader = lifecycle.ReadState is { } read
            ? Task.Run(async () =>
            {
                await start.Task.ConfigureAwait(false);
                while (!done.IsCancellationRequested)
                {
                    if (!Enum.IsDefined(read()))
                    {
                        Interlocked.Increment(ref invalidReads);
                    }
                }
            })
            : Task.CompletedTask;
        Task<List<TransitionOutcome>>[] drivers = Enumerable.Range(0, requesters).Select(index => Task.Run(async () =>
        {
            var random = new Random(seed * 1_000 + index);
            var log = new List<TransitionOutcome>(RequestsEach);
            await start.Task.ConfigureAwait(false);
            for (int i = 0; i < RequestsEach; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                log.Add(await lifecycle.RequestAsync(RandomRequest(random), cancellation).ConfigureAwait(false));
            }

            return log;
        })).ToArray();

        start.SetResult();
        try
        {
            List<TransitionOutcome>[] logs = await Task.WhenAll(drivers).WaitAsync(Hang, cancellation).ConfigureAwait(false);
            return (logs.SelectMany(l => l).ToArray(), invalidReads);
        }
        finally
        {
            // Interrupted or not, the reader stops spinning (it only reads, so it stops at once).
            await done.CancelAsync().ConfigureAwait(false);
            await reader.WaitAsync(Hang, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static Lifecycle SharedMemory(IConnectionLifecycle connection) => new(
        (request, _) => Task.FromResult(connection.Request(request)),
        () => connection.State,
        _ => Task.FromResult((connection.State, connection.Transitions)),
        () => { });

    private static Lifecycle Actor(ActorSystem system)
    {
        IActorRef connection = system.ActorOf(ConnectionFsm.Props());
        return new Lifecycle(
            async (request, cancellation) => (await connection.Ask<ConnectionProtocol.Reply>(ConnectionProtocol.TransitionRequest.For(request), Hang, cancellation).ConfigureAwait(false)).Outcome,
            null,
            async cancellation =>
            {
                var state = await connection.Ask<ConnectionProtocol.StateIs>(ConnectionProtocol.GetState.Instance, Hang, cancellation).ConfigureAwait(false);
                return (state.State, state.Transitions);
            },
            () => system.Stop(connection));
    }

    /// <summary>
    /// Connects, then sends rejected requests (Connect again) at 45% and 90% of the timeout, and
    /// waits for a subscriber to see Connecting → Idle; <paramref name="cancellation"/> (Ctrl+C) ends every wait.
    /// </summary>
    private static async Task<(bool TimedOut, TimeSpan After, int Rejected, IReadOnlyList<string> Transitions)> ShowConnectTimeoutAsync(
        ActorSystem system, TimeSpan connectTimeout, CancellationToken cancellation)
    {
        IActorRef connection = system.ActorOf(ConnectionFsm.Props(connectTimeout));
        Inbox subscriber = Inbox.Create(system);
        try
        {
            connection.Tell(new FSMBase.SubscribeTransitionCallBack(subscriber.Receiver));
            await subscriber.ReceiveAsync(Hang).WaitAsync(cancellation).ConfigureAwait(false); // CurrentState(Idle)

            var watch = Stopwatch.StartNew();
            await connection.Ask<ConnectionProtocol.Accepted>(ConnectionProtocol.TransitionRequest.For(ConnectionRequest.Connect), Hang, cancellation).ConfigureAwait(false);
            int rejected = 0;
            for (int i = 1; i <= 2; i++)
            {
                // Demo pacing only: requests arriving while Connecting, the last at 90% of the deadline.
                await Task.Delay(connectTimeout * (LastRejectedAt / 2), cancellation).ConfigureAwait(false);
                var reply = await connection.Ask<ConnectionProtocol.Reply>(ConnectionProtocol.TransitionRequest.For(ConnectionRequest.Connect), Hang, cancellation).ConfigureAwait(false);
                rejected += reply is ConnectionProtocol.Rejected { Observed: ConnectionState.Connecting } ? 1 : 0;
            }

            var seen = new List<string>();
            while (true)
            {
                if (await subscriber.ReceiveAsync(Hang).WaitAsync(cancellation).ConfigureAwait(false) is FSMBase.Transition<ConnectionState> transition)
                {
                    seen.Add($"{transition.From} → {transition.To}");
                    if (transition is { From: ConnectionState.Connecting, To: ConnectionState.Idle })
                    {
                        return (true, watch.Elapsed, rejected, seen);
                    }
                }
            }
        }
        catch (TimeoutException)
        {
            return (false, Hang, 0, []);
        }
        finally
        {
            system.Stop(connection);
            subscriber.Dispose();
        }
    }
}
