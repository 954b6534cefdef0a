using ActorConcurrency.RaceDetector.Leaks;

namespace ActorConcurrency.Demonstrations.Leaks;

/// <summary>
/// Task 9: each fetch form called with a timeout inside a leak check, with what the check found; a scope that starts
/// nothing; and an actor's Ask that times out, its late reply a dead letter.
/// </summary>
/// <param name="CallerTimeoutMilliseconds">The caller's timeout, as in <c>context.WithTimeout</c>.</param>
/// <param name="GraceMilliseconds">How long the leak check waited after the scope for its tasks to finish.</param>
/// <param name="Forms">One row per fetch form, the leaking one first.</param>
/// <param name="EmptyScope">The check around a scope that starts nothing.</param>
/// <param name="Ask">The actor side: an Ask that timed out and the reply that came after.</param>
public sealed record TaskLeakResult(
    double CallerTimeoutMilliseconds, int GraceMilliseconds, IReadOnlyList<FetchLeaks> Forms, LeakReport EmptyScope, LateAskReply Ask) : IDemonstrationResult
{
    /// <summary>The leaking fetch's report.</summary>
    public LeakReport Leaking => Forms[0].Report;

    /// <summary>Whether the leaking fetch leaked, nothing else did, and the late reply was one dead letter to an ask actor that is gone.</summary>
    public bool Held => !Leaking.IsClean && Forms.Skip(1).All(f => f.Report.IsClean) && EmptyScope.IsClean && Ask.DeadLetters == 1 && !Ask.AskActorAlive;

    /// <inheritdoc />
    public string Evidence
    {
        get
        {
            LeakedTask? leak = Leaking.Leaks.FirstOrDefault(l => l.Operation.StartsWith("async method", StringComparison.Ordinal)) ?? Leaking.Leaks.FirstOrDefault();
            return $"leaking fetch: {Leaking.Leaks.Count} leaked ({leak?.Operation} at {leak?.StartedAt}); " +
                $"buffered/cancellable/empty: {string.Join("/", Forms.Skip(1).Select(f => f.Report.Leaks.Count).Append(EmptyScope.Leaks.Count))} leaked; " +
                $"late Ask reply: {Ask.DeadLetters} dead letter, ask actor {(Ask.AskActorAlive ? "still registered" : "gone")}";
        }
    }
}

/// <summary>One fetch form called with a timeout inside a leak check.</summary>
/// <param name="Form">The form.</param>
/// <param name="CallerSaw">What the caller got: the answer, or the timeout.</param>
/// <param name="Report">What the leak check found.</param>
public sealed record FetchLeaks(string Form, string CallerSaw, LeakReport Report);

/// <summary>An Ask that timed out, and the reply that came after it.</summary>
/// <param name="AskTimeoutMilliseconds">The Ask's timeout.</param>
/// <param name="Outcome">What the Ask ended with (<c>AskTimeoutException</c>, or the reply).</param>
/// <param name="DeadLetters">Dead letters the late reply became.</param>
/// <param name="Letter">The first dead letter: message (sender → recipient).</param>
/// <param name="AskActor">The path of the ask's temporary actor, which the late reply was sent to.</param>
/// <param name="AskActorAlive">Whether that actor was still registered after the reply.</param>
public sealed record LateAskReply(double AskTimeoutMilliseconds, string Outcome, int DeadLetters, string Letter, string AskActor, bool AskActorAlive);
