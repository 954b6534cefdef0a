using ActorConcurrency.SharedState.FalseSharing;

namespace ActorConcurrency.Demonstrations.FalseSharing;

/// <summary>Task 10: each layout's measured field distance, size and time per increment (indicative).</summary>
/// <param name="IncrementsPerThread">Interlocked increments each of the two threads did.</param>
/// <param name="Rows">Adjacent, padded to 64 bytes, padded to 128 bytes.</param>
public sealed record FalseSharingResult(long IncrementsPerThread, IReadOnlyList<PaddingRow> Rows) : IDemonstrationResult
{
    /// <summary>What must hold whatever the timing: the padded fields are at least a line (or two) apart, the adjacent ones not.</summary>
    public bool Held => Rows[0].Distance < CacheLine.Size && Rows[1].Distance >= CacheLine.Size && Rows[2].Distance >= CacheLine.PrefetchPair;

    /// <inheritdoc />
    public string Evidence =>
        $"fields {Rows[0].Distance}/{Rows[1].Distance}/{Rows[2].Distance} bytes apart; ns/increment adjacent {Rows[0].Ns:0.0}, " +
        $"padded64 {Rows[1].Ns:0.0} ({Compared(Rows[0].Ns, Rows[1].Ns)}), padded128 {Rows[2].Ns:0.0} ({QuickMeasurement.Qualifier})";

    /// <summary>"2.5x faster" or "1.3x slower" (never "0.8x faster"): how padded compares with adjacent in this run.</summary>
    public static string Compared(double adjacentNs, double paddedNs) => paddedNs <= adjacentNs
        ? $"{adjacentNs / paddedNs:0.0}x faster"
        : $"{paddedNs / adjacentNs:0.0}x slower in this run: false sharing did not show";
}

/// <summary>One layout of the two counters.</summary>
/// <param name="Form">Adjacent or padded.</param>
/// <param name="Distance">Bytes between the two fields, measured from their addresses.</param>
/// <param name="Size">The struct's size in bytes.</param>
/// <param name="Ns">Best ns per increment.</param>
public sealed record PaddingRow(string Form, long Distance, int Size, double Ns);
