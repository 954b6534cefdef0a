namespace ActorConcurrency.SharedState.Lru;

/// <summary>The outcome of an invariant check: the names (see <see cref="LruInvariants"/>) of the invariants that were broken.</summary>
/// <param name="Broken">Each broken invariant, by name, once; empty when every invariant holds.</param>
/// <param name="Count">The entry count the check saw.</param>
/// <param name="Capacity">The capacity the check saw.</param>
public sealed record LruInvariantReport(IReadOnlyList<string> Broken, int Count, int Capacity)
{
    /// <summary>True when no invariant was broken.</summary>
    public bool Holds => Broken.Count == 0;

    /// <inheritdoc />
    public override string ToString() =>
        Holds ? $"all invariants hold (count {Count}/{Capacity})" : $"broken: {string.Join(", ", Broken)} (count {Count}/{Capacity})";
}
