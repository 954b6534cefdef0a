using System.Runtime.CompilerServices;
using ActorConcurrency.SharedState.FalseSharing;

namespace ActorConcurrency.Demonstrations.FalseSharing;

/// <summary>
/// Task 10: two threads incrementing their own counter, with the counters adjacent, 64 and 128 bytes apart: the
/// distance measured between the two fields of each struct and the time per increment (best of
/// <see cref="QuickMeasurement.Repeats"/>).
/// </summary>
public static class FalseSharingExperiment
{
    private const long IncrementsPerThread = 2_000_000;

    /// <summary>Measures the three layouts.</summary>
    public static FalseSharingResult Run(CancellationToken cancellationToken) => new(IncrementsPerThread,
    [
        new("adjacent", Distance<AdjacentCounters>(), Unsafe.SizeOf<AdjacentCounters>(), Time<AdjacentCounters>(cancellationToken)),
        new("padded to 64 bytes", Distance<PaddedCounters64>(), Unsafe.SizeOf<PaddedCounters64>(), Time<PaddedCounters64>(cancellationToken)),
        new("padded to 128 bytes", Distance<PaddedCounters128>(), Unsafe.SizeOf<PaddedCounters128>(), Time<PaddedCounters128>(cancellationToken)),
    ]);

    /// <summary>The byte distance between the two counters of a live instance, read from their addresses.</summary>
    private static long Distance<T>()
        where T : struct, ITwoCounters
    {
        var holder = new T[1];
        return TwoThreadIncrements.ByteDistance(holder);
    }

    private static double Time<T>(CancellationToken cancellationToken)
        where T : struct, ITwoCounters
    {
        double best = double.MaxValue;
        for (int repeat = 0; repeat < QuickMeasurement.Repeats; repeat++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            best = Math.Min(best, TwoThreadIncrements.Run<T>(IncrementsPerThread).TotalNanoseconds / (2.0 * IncrementsPerThread));
        }

        return best;
    }
}
