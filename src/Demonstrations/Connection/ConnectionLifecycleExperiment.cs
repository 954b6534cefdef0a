using ActorConcurrency.Actors.Connection;
using ActorConcurrency.SharedState.Connection;
using Akka.Actor;

namespace ActorConcurrency.Demonstrations.Connection;

/// <summary>
/// Task 18's first section: the connection lifecycle as a lock, a CAS loop and an FSM actor. Each form lives through
/// <see cref="ConnectionSettings.Runs"/> lifecycles, each driven by concurrent requesters sending random transition
/// requests while a reader checks every state it sees; the accepted transitions, ordered by their sequence numbers, must
/// form a legal path from Idle. Every wait takes the cancellation token, and the actor form's lifecycles are created only
/// when that form starts.
/// </summary>
public static class ConnectionLifecycleExperiment
{
    private const int RequestsEach = 50;
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    /// <summary>One lifecycle of one form: a request entry point, a state reader (null for the actor) and a teardown.</summary>
    private sealed record Lifecycle(
        Func<ConnectionRequest, CancellationToken, Task<TransitionOutcome>> RequestAsync,
        Func<ConnectionState>? ReadState,
        Func<CancellationToken, Task<(ConnectionState State, long Transitions)>> FinalAsync,
        Action Dispose);

    /// <summary>Drives every form's lifecycles and checks each log.</summary>
    public static async Task<LifecycleRuns> RunAsync(ConnectionSettings settings, ActorSystem system, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        (string Name, string Type, Func<Lifecycle> Create)[] forms =
        [
            ("lock", nameof(LockedConnection), () => SharedMemory(new LockedConnection())),
            ("CAS loop", nameof(CasConnection), () => SharedMemory(new CasConnection())),
            ("FSM actor", nameof(ConnectionFsm), () => Actor(system)),
        ];

        var results = new List<FormLifecycles>(forms.Length);
        foreach ((string name, string type, Func<Lifecycle> create) in forms)
        {
            long requests = 0, accepted = 0, rejected = 0, invalidReads = 0;
            long longest = 0;
            int legal = 0;
            bool readsState = false;
            var problems = new List<string>();
            for (int run = 0; run < settings.Runs; run++)
            {
                cancellation.ThrowIfCancellationRequested();
                Lifecycle lifecycle = create();
                readsState = lifecycle.ReadState is not null;
                try
                {
                    (TransitionOutcome[] log, int badReads) = await DriveAsync(lifecycle, settings.Requesters, seed: run, cancellation).ConfigureAwait(false);
                    (ConnectionState final, long transitions) = await lifecycle.FinalAsync(cancellation).ConfigureAwait(false);
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

            results.Add(new FormLifecycles(name, type, settings.Runs, requests, accepted, rejected, longest, legal, readsState ? invalidReads : null, [.. problems.Take(3)]));
        }

        return new LifecycleRuns(settings.Runs, settings.Requesters, RequestsEach, results);
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

    /// <summary>
    /// The requests the experiment's requesters send (and the specs of the shared-memory forms): Connect and
    /// ConnectFailed weighted up, so a lifecycle loops Idle ⇄ Connecting for a while before it closes.
    /// </summary>
    public static ConnectionRequest RandomRequest(Random random) => random.Next(10) switch
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
}
