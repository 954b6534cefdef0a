namespace ActorConcurrency.Demonstrations.Pooling;

/// <summary>Task 12: time and allocation per 4 KiB buffer for each form (indicative), and the use after return.</summary>
/// <param name="Threads">Threads sharing the calls.</param>
/// <param name="Forms"><c>new byte[4096]</c>, <c>ArrayPool&lt;byte&gt;.Shared</c>, <c>DedicatedBufferPool</c>.</param>
/// <param name="Hazard">What the second renter read after the first renter's stale write.</param>
public sealed record PoolingResult(int Threads, IReadOnlyList<PoolTiming> Forms, PoolHazard Hazard) : IDemonstrationResult
{
    /// <summary>Whether the stale write landed in the next renter's buffer and both pools allocate under 1% of <c>new</c>.</summary>
    public bool Held =>
        Hazard.SameBuffer && Hazard.SeenBySecondRenter[0] == 'X' && Forms[1].Bytes < Forms[0].Bytes / 100 && Forms[2].Bytes < Forms[0].Bytes / 100;

    /// <inheritdoc />
    public string Evidence =>
        $"bytes/call: new {Forms[0].Bytes:0}, ArrayPool.Shared {Forms[1].Bytes:0.0}, dedicated {Forms[2].Bytes:0.0} ({QuickMeasurement.Qualifier}); " +
        $"stale write seen by next renter: {Hazard.SeenBySecondRenter}";
}

/// <summary>One way to get a buffer per call.</summary>
/// <param name="Form">The form.</param>
/// <param name="Ns">Best ns per call.</param>
/// <param name="Bytes">Bytes allocated per call (all threads) in that repeat.</param>
public sealed record PoolTiming(string Form, double Ns, double Bytes);

/// <summary>The use after return, forced on a pool of one buffer.</summary>
/// <param name="SeenBySecondRenter">The first five bytes the second renter reads (it wrote BBBBB).</param>
/// <param name="SameBuffer">Whether the pool handed the same array to both renters.</param>
public sealed record PoolHazard(string SeenBySecondRenter, bool SameBuffer);
