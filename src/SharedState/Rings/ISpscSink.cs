namespace ActorConcurrency.SharedState.Rings;

/// <summary>What <see cref="SpscTransfer"/>'s consumer does with each item it takes (a struct, so the call is inlined).</summary>
public interface ISpscSink
{
    /// <summary>Called with each item, in the order taken.</summary>
    void Add(long item);
}
