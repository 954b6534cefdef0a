namespace ActorConcurrency.SharedState.Rings;

/// <summary>The benchmarks' sink: the sum of the items, returned so the work cannot be elided.</summary>
public struct SumSink : ISpscSink
{
    /// <summary>The sum of the items so far.</summary>
    public long Sum { get; private set; }

    /// <inheritdoc />
    public void Add(long item) => Sum += item;
}
