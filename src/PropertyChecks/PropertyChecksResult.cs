using ActorConcurrency.Demonstrations;

namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// Task 15: every property's outcome under its budget. It stays in the host with the property checks (CsCheck is the
/// host's dependency until the checks get a home of their own, issue 22 point 2), but it is a record all the same: the
/// host prints it, <c>--json</c> serialises it, the specs assert on it.
/// </summary>
/// <param name="Budget">Iterations (or soak seconds) per property, as CsCheck was given them.</param>
/// <param name="Properties">One outcome per property, in the order they ran.</param>
/// <param name="Refused">Why no property ran (a <c>SOAK_MINUTES</c> that is not a positive number); null when they ran.</param>
public sealed record PropertyChecksResult(string Budget, IReadOnlyList<PropertyCheck> Properties, string? Refused = null) : IDemonstrationResult
{
    /// <summary>The properties that failed.</summary>
    public IReadOnlyList<PropertyCheck> Failures => [.. Properties.Where(p => !p.Passed)];

    /// <inheritdoc />
    public bool Held => Refused is null && Failures.Count == 0;

    /// <inheritdoc />
    public string Evidence => Refused
        ?? $"{Properties.Count - Failures.Count}/{Properties.Count} properties passed ({Budget} each)"
        + (Failures.Count == 0 ? "" : "; " + string.Join("; ", Failures.Select(f => f.FirstLine)));
}

/// <summary>One property's outcome.</summary>
/// <param name="Name">The property.</param>
/// <param name="Passed">Whether CsCheck found no counter-example.</param>
/// <param name="Report">CsCheck's summary (iterations run), or the failure: the property, its seed and CsCheck's shrunk example.</param>
/// <param name="Seconds">How long it ran.</param>
public sealed record PropertyCheck(string Name, bool Passed, string Report, double Seconds)
{
    /// <summary>The report's first line: CsCheck's summary, or the failure's property and seed.</summary>
    public string FirstLine => Report.Split('\n', 2)[0].Trim();
}
