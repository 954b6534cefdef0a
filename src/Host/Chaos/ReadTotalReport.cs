namespace ActorConcurrency.Host.Chaos;

/// <summary>What <c>node --read-total --report FILE</c> writes: the recovered counts, read by a fresh node on the journal.</summary>
internal sealed record ReadTotalReport
{
    public long Total { get; init; }

    public IReadOnlyDictionary<string, long> PerKey { get; init; } = new Dictionary<string, long>();

    /// <summary>This reading minus an earlier one (a shared PostgreSQL database holds earlier runs' counts).</summary>
    public ReadTotalReport Minus(ReadTotalReport baseline) => new()
    {
        Total = Total - baseline.Total,
        PerKey = PerKey.ToDictionary(p => p.Key, p => p.Value - baseline.PerKey.GetValueOrDefault(p.Key)),
    };
}
