using ActorConcurrency.Actors.Leaks;
using ActorConcurrency.RaceDetector.Leaks;
using ActorConcurrency.SharedState.Leaks;
using Akka.Actor;
using Akka.Event;

namespace ActorConcurrency.Demonstrations.Leaks;

/// <summary>
/// Task 9: task leaks. Each fetch form is called with a timeout inside a leak check; its backend answers only after
/// the caller gave up. The check reports which tasks started inside it were still unfinished a grace period later,
/// and where they were started. Then the actor side: an <c>Ask</c> times out, the late reply is counted as a dead
/// letter, and the ask's temporary actor is gone.
/// </summary>
public static class TaskLeakExperiment
{
    /// <summary>The caller's timeout, as in <c>context.WithTimeout</c>.</summary>
    private static readonly TimeSpan CallerTimeout = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan AskTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly (string Name, Func<Func<CancellationToken, Task<string>>, IFetch> Create)[] Forms =
    [
        ("LeakingFetch (rendezvous, worker not cancelled)", backend => new LeakingFetch(backend)),
        ("BufferedFetch (buffer of one)", backend => new BufferedFetch(backend)),
        ("CancellableFetch (token flows into the work)", backend => new CancellableFetch(backend)),
    ];

    /// <summary>Runs every fetch form, the empty scope and the late Ask reply.</summary>
    /// <param name="graceMilliseconds">How long the leak check waits after a scope for its tasks to finish (0 to 60000).</param>
    /// <param name="system">The actor system the Ask runs on.</param>
    /// <param name="cancellationToken">Stops the checks and the Asks.</param>
    public static async Task<TaskLeakResult> RunAsync(int graceMilliseconds, ActorSystem system, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(graceMilliseconds);
        var grace = TimeSpan.FromMilliseconds(graceMilliseconds);
        var forms = new List<FetchLeaks>(Forms.Length);
        foreach ((string name, Func<Func<CancellationToken, Task<string>>, IFetch> create) in Forms)
        {
            string callerSaw = "?";
            LeakReport report = await TaskLeakCheck.RunAsync(
                async () => callerSaw = await FetchAfterTimeoutAsync(create), // no ConfigureAwait: the scope is measured as a caller writes it
                grace,
                cancellationToken).ConfigureAwait(false);
            forms.Add(new FetchLeaks(name, callerSaw, report));
        }

        LeakReport empty = await TaskLeakCheck.RunAsync(() => Task.CompletedTask, grace, cancellationToken).ConfigureAwait(false);
        LateAskReply ask = await AskTooLateAsync(system, cancellationToken).ConfigureAwait(false);
        return new TaskLeakResult(CallerTimeout.TotalMilliseconds, graceMilliseconds, forms, empty, ask);
    }

    /// <summary>One call with a timeout; the backend's answer is released only after the caller gave up.</summary>
    private static async Task<string> FetchAfterTimeoutAsync(Func<Func<CancellationToken, Task<string>>, IFetch> create)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        IFetch fetch = create(cancellationToken => answer.Task.WaitAsync(cancellationToken));
        using var timeout = new CancellationTokenSource(CallerTimeout);
        string saw;
        try
        {
            saw = $"answer '{await fetch.FetchAsync(timeout.Token)}'";
        }
        catch (OperationCanceledException)
        {
            saw = $"timed out after {CallerTimeout.TotalMilliseconds:0} ms";
        }

        answer.SetResult("late answer");
        return saw;
    }

    private static async Task<LateAskReply> AskTooLateAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(10);
        IActorRef counter = system.ActorOf(DeadLetterCounterActor.Props(typeof(LateReplyProtocol.Reply)));
        IActorRef backend = system.ActorOf(LateReplyActor.Props());
        try
        {
            // The counter subscribes in PreStart; its answer to this proves it is listening before the ask.
            await counter.Ask<DeadLetterCounterProtocol.Counted>(new DeadLetterCounterProtocol.AwaitCount(0), timeout, cancellationToken).ConfigureAwait(false);
            string outcome;
            try
            {
                var reply = await backend.Ask<LateReplyProtocol.Reply>(new LateReplyProtocol.Request(1), AskTimeout, cancellationToken).ConfigureAwait(false);
                outcome = $"answered {reply}";
            }
            catch (AskTimeoutException ex)
            {
                outcome = $"{ex.GetType().Name}";
            }

            var released = await backend.Ask<LateReplyProtocol.Released>(LateReplyProtocol.ReleaseHeld.Instance, timeout, cancellationToken).ConfigureAwait(false);
            var counted = await counter.Ask<DeadLetterCounterProtocol.Counted>(new DeadLetterCounterProtocol.AwaitCount(1), timeout, cancellationToken).ConfigureAwait(false);
            DeadLetter letter = counted.DeadLetters[0];
            IActorRef asker = released.AnsweredTo[0];

            // Akka removes the ask's temporary actor in a continuation of the ask's task, which on a busy
            // thread pool can run after this point; it publishes no event for it, so look until it is gone.
            bool alive = TemporaryActors.IsRegistered(system, asker);
            for (var waited = System.Diagnostics.Stopwatch.StartNew(); alive && waited.Elapsed < timeout; alive = TemporaryActors.IsRegistered(system, asker))
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }

            return new LateAskReply(
                AskTimeout.TotalMilliseconds, outcome, counted.DeadLetters.Count, $"{letter.Message} ({letter.Sender.Path} -> {letter.Recipient.Path})", asker.Path.ToString(), alive);
        }
        finally
        {
            system.Stop(backend);
            system.Stop(counter);
        }
    }
}
