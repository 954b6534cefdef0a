namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// What a property drives: an LRU form under test or the sequential model. Each operation returns the
/// line it appended to <see cref="Log"/> ("TryGet(3)=7", "Remove(2)=False", …); in traced mode the line
/// also carries the recency order right after the operation, so comparing logs compares results and
/// recency after every operation.
/// </summary>
internal interface ILruSubject
{
    /// <summary>One line per operation, in the order the operations completed.</summary>
    IReadOnlyCollection<string> Log { get; }

    string TryGet(int key);

    string Set(int key, int value);

    string Remove(int key);

    /// <summary>The final state: "key=value" from the least to the most recently used (computed once, then reused; safe to call from several threads at once, as CsCheck's SampleParallel does).</summary>
    IReadOnlyList<string> FinalState();

    /// <summary>The broken invariants by name, empty when all hold (the model has none to break).</summary>
    IReadOnlyList<string> BrokenInvariants();
}
