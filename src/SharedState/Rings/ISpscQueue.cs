namespace ActorConcurrency.SharedState.Rings;

/// <summary>
/// Task 14: a bounded single-producer/single-consumer queue. The contract: at any time at most one thread
/// calls the producer methods and at most one thread calls the consumer methods (the two may be the same
/// thread; ownership may pass to another thread only through a happens-before edge such as a join or a
/// lock). Break it and items are lost or duplicated: nothing checks it at run time, as in the exercise.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public interface ISpscQueue<T>
{
    /// <summary>How many items fit (a power of two).</summary>
    int Capacity { get; }

    /// <summary>Producer only: appends <paramref name="item"/>; false when the ring is full.</summary>
    bool TryEnqueue(T item);

    /// <summary>Consumer only: takes the oldest item; false when the ring is empty.</summary>
    bool TryDequeue(out T item);
}
