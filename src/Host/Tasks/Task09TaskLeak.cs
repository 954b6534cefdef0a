using System.CommandLine;
using ActorConcurrency.Actors.Leaks;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.RaceDetector.Leaks;
using ActorConcurrency.SharedState.Leaks;
using Akka.Actor;
using Akka.Event;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>
/// Task 9: task leaks. Each fetch form is called with a timeout inside a leak check; its backend answers
/// only after the caller gave up. The check reports which tasks started inside it were still unfinished a
/// grace period later, and where they were started. Then the actor side: an <c>Ask</c> times out, the late
/// reply is counted as a dead letter, and the ask's temporary actor is gone.
/// </summary>
internal sealed class Task09TaskLeak : CatalogTask
{
    /// <summary>How long the leak check waits after the scope for its tasks to finish.</summary>
    public static readonly TaskOption<int> GraceMilliseconds = new(
        "--grace-ms", "How long the leak check waits for a scope's tasks to finish", 200, v => v is < 0 or > 60_000 ? "must be from 0 to 60000" : null);

    /// <summary>The caller's timeout, as in <c>context.WithTimeout</c>.</summary>
    private static readonly TimeSpan CallerTimeout = TimeSpan.FromMilliseconds(50);

    private static readonly (string Name, Func<Func<CancellationToken, Task<string>>, IFetch> Create)[] Forms =
    [
        ("LeakingFetch (rendezvous, worker not cancelled)", backend => new LeakingFetch(backend)),
        ("BufferedFetch (buffer of one)", backend => new BufferedFetch(backend)),
        ("CancellableFetch (token flows into the work)", backend => new CancellableFetch(backend)),
    ];

    public override TaskInfo Info { get; } = new(
        9,
        "Task leak and leak check",
        "goroutine leak",
        "Leaks",
        SharedStateTypes: ["LeakingFetch", "BufferedFetch", "CancellableFetch", "Rendezvous", "TaskLeakCheck (RaceDetector)"],
        ActorTypes: ["LateReplyActor (Ask with timeout)", "DeadLetterCounterActor"],
        Specs: ["RendezvousSpec", "FetchSpec", "LeakCheckSpec", "AskTimeoutSpec"],
        Benchmark: "");

    public override IReadOnlyList<Option> Options => [GraceMilliseconds.Option];

    public override async Task<IDemonstrationResult> RunAsync(DemoContext context)
    {
        var grace = TimeSpan.FromMilliseconds(context.Get(GraceMilliseconds));
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"fetch with a {CallerTimeout.TotalMilliseconds:0} ms timeout; the backend answers after the caller gave up; leak check grace {grace.TotalMilliseconds:0} ms")
            .AddColumns("form", "caller saw", "tasks started in scope", "finished", "leaked", "first leak: what, where started");
        var reports = new List<(string Name, LeakReport Report)>();
        foreach ((string name, Func<Func<CancellationToken, Task<string>>, IFetch> create) in Forms)
        {
            string callerSaw = "?";
            LeakReport report = await TaskLeakCheck.RunAsync(
                async () => callerSaw = await FetchAfterTimeoutAsync(create),
                grace,
                context.CancellationToken);
            reports.Add((name, report));
            LeakedTask? first = report.Leaks.FirstOrDefault();
            table.AddRow(
                Markup.Escape(name),
                Markup.Escape(callerSaw),
                report.TasksCreated.ToString(),
                report.TasksFinished.ToString(),
                report.IsClean ? "[green]0[/]" : $"[red]{report.Leaks.Count}[/]",
                first is null ? "—" : Markup.Escape($"{first.Operation}\nat {first.StartedAt}"));
        }

        LeakReport empty = await TaskLeakCheck.RunAsync(() => Task.CompletedTask, grace, context.CancellationToken);
        table.AddRow("scope that starts nothing", "—", empty.TasksCreated.ToString(), empty.TasksFinished.ToString(), empty.IsClean ? "[green]0[/]" : $"[red]{empty.Leaks.Count}[/]", "—");
        context.Console.Write(table);

        LeakReport leaking = reports[0].Report;
        context.Console.MarkupLine("[bold]Leak check report for LeakingFetch:[/]");
        context.Console.WriteLine(leaking.ToString());

        (int deadLetters, DeadLetter letter, IActorRef asker, bool askActorAlive, string askOutcome) = await AskTooLateAsync(context);
        context.Console.MarkupLine(
            $"Actor side: Ask with a 100 ms timeout -> [bold]{Markup.Escape(askOutcome)}[/]; the late reply became [bold]{deadLetters}[/] dead letter(s): " +
            Markup.Escape($"{letter.Message} ({letter.Sender.Path} -> {letter.Recipient.Path})"));
        context.Console.MarkupLine($"The ask's temporary actor {Markup.Escape(asker.Path.ToString())}, which the late reply was sent to: [bold]{(askActorAlive ? "still registered" : "gone")}[/].");

        bool held = !leaking.IsClean
            && reports.Skip(1).All(r => r.Report.IsClean)
            && empty.IsClean
            && deadLetters == 1
            && !askActorAlive;
        LeakedTask? leak = leaking.Leaks.FirstOrDefault(l => l.Operation.StartsWith("async method", StringComparison.Ordinal)) ?? leaking.Leaks.FirstOrDefault();
        return new DemoOutcome(
            held,
            $"leaking fetch: {leaking.Leaks.Count} leaked ({leak?.Operation} at {leak?.StartedAt}); buffered/cancellable/empty: {string.Join("/", reports.Skip(1).Select(r => r.Report.Leaks.Count).Append(empty.Leaks.Count))} leaked; late Ask reply: {deadLetters} dead letter, ask actor {(askActorAlive ? "still registered" : "gone")}");
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

    private static async Task<(int DeadLetters, DeadLetter Letter, IActorRef Asker, bool AskActorAlive, string AskOutcome)> AskTooLateAsync(DemoContext context)
    {
        ActorSystem system = context.ActorSystem;
        var timeout = TimeSpan.FromSeconds(10);
        IActorRef counter = system.ActorOf(DeadLetterCounterActor.Props(typeof(LateReplyProtocol.Reply)));
        IActorRef backend = system.ActorOf(LateReplyActor.Props());
        try
        {
            // The counter subscribes in PreStart; its answer to this proves it is listening before the ask.
            await counter.Ask<DeadLetterCounterProtocol.Counted>(new DeadLetterCounterProtocol.AwaitCount(0), timeout, context.CancellationToken);
            string outcome;
            try
            {
                var reply = await backend.Ask<LateReplyProtocol.Reply>(new LateReplyProtocol.Request(1), TimeSpan.FromMilliseconds(100), context.CancellationToken);
                outcome = $"answered {reply}";
            }
            catch (AskTimeoutException ex)
            {
                outcome = $"{ex.GetType().Name}";
            }

            var released = await backend.Ask<LateReplyProtocol.Released>(LateReplyProtocol.ReleaseHeld.Instance, timeout, context.CancellationToken);
            var counted = await counter.Ask<DeadLetterCounterProtocol.Counted>(new DeadLetterCounterProtocol.AwaitCount(1), timeout, context.CancellationToken);
            DeadLetter letter = counted.DeadLetters[0];
            IActorRef asker = released.AnsweredTo[0];

            // Akka removes the ask's temporary actor in a continuation of the ask's task, which on a busy
            // thread pool can run after this point; it publishes no event for it, so look until it is gone.
            bool alive = TemporaryActors.IsRegistered(system, asker);
            for (var waited = System.Diagnostics.Stopwatch.StartNew(); alive && waited.Elapsed < timeout; alive = TemporaryActors.IsRegistered(system, asker))
            {
                await Task.Delay(10, context.CancellationToken);
            }

            return (counted.DeadLetters.Count, letter, asker, alive, outcome);
        }
        finally
        {
            system.Stop(backend);
            system.Stop(counter);
        }
    }
}
