namespace ActorConcurrency.Demonstrations.Singleflight;

/// <summary>
/// Task 17: each singleflight form with many callers of one key, the leader held until all joined: how many times the
/// compute ran and how many callers shared its result; then the leader's compute throwing a fault and a cancellation.
/// </summary>
/// <param name="Runs">Runs per form.</param>
/// <param name="Callers">Callers per run.</param>
/// <param name="Forms">The lock + dictionary group, the Lazy idiom, the coordinator actor.</param>
public sealed record DuplicateSuppressionResult(int Runs, int Callers, IReadOnlyList<SingleflightForm> Forms) : IDemonstrationResult
{
    /// <summary>Go's <c>shared</c>: every caller, the leader included, when anybody joined; nobody when the leader was alone.</summary>
    public int ExpectedShared => Callers > 1 ? Callers : 0;

    /// <summary>Whether every form computed once per run with the result shared, and passed the failure on to every caller.</summary>
    public bool Held => Forms.All(f => f.Runs.All(r => r.Computes == 1 && r.Shared == ExpectedShared && r.DistinctValues == 1) && f.Failures.All(x => x.Held));

    /// <inheritdoc />
    public string Evidence => $"{Callers} callers per run -> " + string.Join("; ", Forms.Select(f => $"{f.Form}: {f.Runs.Count(r => r.Computes == 1)}/{Runs} runs computed once"));
}

/// <summary>One form's runs and failures.</summary>
/// <param name="Form">The form.</param>
/// <param name="Runs">What each run measured.</param>
/// <param name="Failures">The compute throwing a fault, then a cancellation.</param>
public sealed record SingleflightForm(string Form, IReadOnlyList<FlightRun> Runs, IReadOnlyList<FlightFailure> Failures);

/// <summary>One run: every caller joined the flight of one key before the leader's compute was released.</summary>
/// <param name="Computes">Times the compute ran (1 expected).</param>
/// <param name="Shared">Callers whose result says it was shared.</param>
/// <param name="DistinctValues">Distinct values the callers got (1 expected).</param>
/// <param name="Registered">Waiters the form reported while the leader was held; null where joining is synchronous.</param>
/// <param name="Microseconds">Wall time of the run (indicative).</param>
public sealed record FlightRun(int Computes, int Shared, int DistinctValues, int? Registered, double Microseconds);

/// <summary>The leader's compute throwing, seen by every caller.</summary>
/// <param name="Thrown">The exception type the compute threw.</param>
/// <param name="Callers">Callers waiting.</param>
/// <param name="Computes">Times the compute ran (1 expected).</param>
/// <param name="GotException">Callers that got that very exception object.</param>
/// <param name="Canceled">Callers whose task ended canceled.</param>
/// <param name="ExpectedCanceled">Callers expected to end canceled: all of them for a cancellation, none for a fault.</param>
public sealed record FlightFailure(string Thrown, int Callers, int Computes, int GotException, int Canceled, int ExpectedCanceled)
{
    /// <summary>Whether the compute ran once and every caller got its exception, canceled exactly when it was a cancellation.</summary>
    public bool Held => Computes == 1 && GotException == Callers && Canceled == ExpectedCanceled;
}
