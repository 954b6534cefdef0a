namespace ActorConcurrency.Demonstrations.MemoryModel;

/// <summary>
/// Task 11 under the race detector: <c>data = 42; ready = true</c> with a plain flag is reported (on the flag and on the
/// data) even though the reader saw 42; with an atomic flag it is not (see <see cref="PublicationUnderDetector"/>).
/// </summary>
/// <param name="Plain">The plain bool flag.</param>
/// <param name="Atomic">The atomic flag (the model of Volatile / Interlocked).</param>
/// <param name="Report">One report of the plain flag's races (preferring one on <c>data</c>), and the summary.</param>
public sealed record PublicationDetection(PublicationRun Plain, PublicationRun Atomic, DetectorReport Report) : IDemonstrationResult
{
    /// <summary>Whether the plain flag was reported and the atomic one was not.</summary>
    public bool Held => Plain.Races > 0 && Atomic.Races == 0;

    /// <inheritdoc />
    public string Evidence =>
        $"detector: plain flag {Plain.Races} race(s) (on {Plain.VariablesText}) though data read {Plain.DataRead}; atomic flag {Atomic.Races} race(s)";
}

/// <summary>One publication under the detector.</summary>
/// <param name="DataRead">What the reader read as data (42: the publication was seen).</param>
/// <param name="Races">Races reported.</param>
/// <param name="Variables">The variables the races were on, each once.</param>
public sealed record PublicationRun(int DataRead, int Races, IReadOnlyList<string> Variables)
{
    /// <summary>The variables as the table lists them: <c>ready, data</c>, or <c>—</c> when there was no race.</summary>
    public string VariablesText => Variables.Count == 0 ? "—" : string.Join(", ", Variables);
}
