namespace ActorConcurrency.Demonstrations.Rings;

/// <summary>How task 14 moves items.</summary>
/// <param name="Items">Items each form moves from the producer thread to the consumer.</param>
/// <param name="Capacity">The rings' and the channel's capacity (a power of two).</param>
public sealed record SpscRingSettings(int Items, int Capacity)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Items, 1, nameof(Items));
        if (Capacity < 1 || (Capacity & (Capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "must be a power of two");
        }
    }
}
