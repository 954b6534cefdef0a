namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>The verdict race mode must give a corpus program on every repetition (<see cref="RaceCorpusSpec"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ExpectAttribute : Attribute
{
    public ExpectAttribute(Verdict verdict) => Verdict = verdict;

    public Verdict Verdict { get; }
}

/// <summary>What a corpus program is.</summary>
internal enum Verdict
{
    /// <summary>No two conflicting accesses are unordered: race mode must stay silent.</summary>
    RaceFree,

    /// <summary>Two conflicting accesses are unordered by the primitives' contracts: race mode must report them.</summary>
    Racy,
}
