namespace ActorConcurrency.SharedState.Counters;

/// <summary>A counter that many threads increment and one reads: the shape shared by tasks 1–3.</summary>
public interface ICounter
{
    /// <summary>Adds one.</summary>
    void Increment();

    /// <summary>The current total, as this form of the counter publishes it.</summary>
    int Read();
}
