using System.Globalization;

namespace ActorConcurrency.Chaos;

/// <summary>
/// How long after one fault (a <c>kill -9</c>, a freeze, a partition) every counter acknowledged the surviving
/// clients again: per client and per counter, from the start of the fault to the end of that counter's stall that
/// followed it; the slowest of them.
/// </summary>
public sealed record FaultRecovery(FaultEvent Fault)
{
    /// <summary>Seconds from the fault until the last counter answered again; null when none stalled over a second.</summary>
    public double? Seconds { get; init; }

    /// <summary>The counter that answered last (the one <see cref="Seconds"/> waited for).</summary>
    public string? SlowestCounter { get; init; }

    /// <summary>Counters that never acknowledged again after the fault while the client's other counters did.</summary>
    public IReadOnlyList<string> Silent { get; init; } = [];

    /// <summary>
    /// Why it could not be measured (no surviving client acknowledged anything after the fault, or a client's report
    /// has no per-counter times), or null.
    /// </summary>
    public string? Unmeasured { get; init; }

    /// <summary>"12.1 s (k3 last)", "&lt; 1 s", "k3 silent to the end", or why it is unknown.</summary>
    public string Text => Unmeasured is { } why ? why
        : Silent.Count > 0 ? $"{string.Join(", ", Silent)} silent to the end"
        : Seconds is { } s ? $"{s.ToString("0.0", CultureInfo.InvariantCulture)} s ({SlowestCounter} last)"
        : "< 1 s";
}
