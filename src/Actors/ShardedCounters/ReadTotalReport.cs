namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// What <c>node --read-total --report FILE</c> writes (the host's <c>ReadTotal</c>) and the crash harness reads: the
/// counts a fresh node read back from the journal. It holds no duplicate figure: a suppressed retry writes no
/// event, so the journal cannot tell; the clients' <see cref="NodeReport.DuplicatesSuppressed"/> does.
/// </summary>
public sealed record ReadTotalReport
{
    public long Total { get; init; }

    public IReadOnlyDictionary<string, long> PerKey { get; init; } = new Dictionary<string, long>();

    /// <summary>This reading minus an earlier one (a shared PostgreSQL database holds earlier runs' counts).</summary>
    public ReadTotalReport Minus(ReadTotalReport baseline) => new()
    {
        Total = Total - baseline.Total,
        PerKey = PerKey.ToDictionary(p => p.Key, p => p.Value - baseline.PerKey.GetValueOrDefault(p.Key)),
    };

    /// <summary>Replaces <paramref name="path"/> with this report, atomically.</summary>
    public void WriteTo(string path) => ReportFile.Write(path, this);

    /// <summary>The report <c>node --read-total</c> wrote to <paramref name="path"/>.</summary>
    public static ReadTotalReport ReadFrom(string path) => ReportFile.Read<ReadTotalReport>(path);
}
