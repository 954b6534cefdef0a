namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// Splits rows into <see cref="ComparisonGroup"/>s: one per class, category and combination of parameters
/// other than the thread count. Generic: a class from any later issue forms its groups the same way.
/// </summary>
internal static class ComparisonGrouping
{
    /// <summary>The groups of <paramref name="rows"/>, ordered by class then title.</summary>
    public static IReadOnlyList<ComparisonGroup> Group(IEnumerable<BenchmarkRow> rows) =>
        rows.GroupBy(r => r.Type)
            .SelectMany(byType =>
            {
                string? threadParameter = ThreadParameterOf(byType);
                return byType
                    .GroupBy(r => (r.Categories, Key: string.Join("&", SharedParameters(r, threadParameter).Select(p => $"{p.Key}={p.Value}"))))
                    .Select(g => new ComparisonGroup(byType.Key, g.Key.Categories, SharedParameters(g.First(), threadParameter), threadParameter, g.ToArray()));
            })
            .OrderBy(g => g.Type, StringComparer.Ordinal)
            .ThenBy(g => g.Title, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The parameter that counts threads: named "Threads", else any whose name mentions threads.</summary>
    private static string? ThreadParameterOf(IEnumerable<BenchmarkRow> rows)
    {
        string[] names = rows.SelectMany(r => r.Parameters.Select(p => p.Key)).Distinct().ToArray();
        return names.FirstOrDefault(n => n.Equals("Threads", StringComparison.OrdinalIgnoreCase))
            ?? names.FirstOrDefault(n => n.Contains("thread", StringComparison.OrdinalIgnoreCase));
    }

    private static KeyValuePair<string, string>[] SharedParameters(BenchmarkRow row, string? threadParameter) =>
        row.Parameters.Where(p => p.Key != threadParameter).ToArray();
}
