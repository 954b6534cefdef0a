namespace ActorConcurrency.PropertyChecks;

/// <summary>What a ring property drives: a ring under test or the bounded-queue model; each operation appends its result to <see cref="Log"/>.</summary>
internal interface IRingSubject
{
    IReadOnlyCollection<string> Log { get; }

    void TryEnqueue(int item);

    void TryDequeue();

    void TryEnqueueMany(int[] items);

    void TryDequeueMany(int max);

    /// <summary>The items left, oldest first (computed once, then reused).</summary>
    IReadOnlyList<int> Remaining();
}
