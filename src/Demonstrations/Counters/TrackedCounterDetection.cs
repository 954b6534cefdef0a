namespace ActorConcurrency.Demonstrations.Counters;

/// <summary>Tasks 2–4's fixes written with tracked primitives, under the detector (see <see cref="CounterDetection.TrackedCounters"/>).</summary>
/// <param name="Tasks">Logical threads, one increment each.</param>
/// <param name="Forms">One row per fix: atomic, mutex, channel.</param>
public sealed record TrackedCounterDetection(int Tasks, IReadOnlyList<TrackedCounterRow> Forms) : IDemonstrationResult
{
    /// <summary>Whether every fix reached the total with no race reported.</summary>
    public bool Held => Forms.All(f => f.Total == Tasks && f.Races == 0);

    /// <inheritdoc />
    public string Evidence => "detector: " + string.Join("; ", Forms.Select(f => $"{f.Form.Split(' ')[0]} {f.Total}/{Tasks}, {f.Races} race(s)"));
}

/// <summary>One tracked fix under the detector.</summary>
/// <param name="Form">The fix and its tracked primitive.</param>
/// <param name="Total">The total it reached.</param>
/// <param name="Races">Races reported (none expected).</param>
public sealed record TrackedCounterRow(string Form, long Total, int Races);
