namespace ActorConcurrency.SharedState.Profiling;

/// <summary>Receives the contention events <see cref="RuntimeContentionListener"/> delivers, already paired by thread.</summary>
internal interface IContentionSink
{
    /// <summary>A thread found the object at <paramref name="address"/> locked and began to wait.</summary>
    void OnContentionStart(nint address);

    /// <summary>A thread that waited for the object at <paramref name="address"/> got it after <paramref name="waitNs"/> ns.</summary>
    void OnContentionStop(nint address, double waitNs);
}
