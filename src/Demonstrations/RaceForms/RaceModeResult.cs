namespace ActorConcurrency.Demonstrations.RaceForms;

/// <summary>
/// What race mode said of a task's plain SharedState forms, each rewritten and run under the detector
/// (<see cref="RaceModeExperiment"/>); tasks 1 and 20 carry it.
/// </summary>
/// <param name="Forms">One verdict per form, in the order they ran.</param>
public sealed record RaceModeResult(IReadOnlyList<RaceModeVerdict> Forms) : IDemonstrationResult
{
    /// <inheritdoc />
    public bool Held => Forms.All(f => f.AsExpected);

    /// <inheritdoc />
    public string Evidence => "race mode: " + string.Join(", ", Forms.Select(f => $"{f.Form}: {f.Verdict}"));
}

/// <summary>Race mode's verdict on one form.</summary>
/// <param name="Form">The probe's name (the SharedState type it exercises).</param>
/// <param name="ExpectRace">Whether the form is the broken one, expected to race.</param>
/// <param name="Races">Distinct races reported.</param>
/// <param name="Summary">The detector's summary line (<c>Found 1 data race(s)</c>).</param>
/// <param name="FirstReport">The first race report, formatted as the detector prints it; null when none.</param>
public sealed record RaceModeVerdict(string Form, bool ExpectRace, int Races, string Summary, string? FirstReport)
{
    /// <summary>Whether race mode reported a race exactly when one was expected.</summary>
    public bool AsExpected => (Races > 0) == ExpectRace;

    /// <summary>The verdict as the tour prints it: the summary, or <c>no race</c>.</summary>
    public string Verdict => Races > 0 ? Summary : "no race";
}
