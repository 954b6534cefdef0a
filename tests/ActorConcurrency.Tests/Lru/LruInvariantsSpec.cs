using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.Tests.Lru;

/// <summary>Task 13: the invariant check reports each broken invariant by name, and only the broken ones.</summary>
public sealed class LruInvariantsSpec
{
    [Fact]
    public void A_consistent_snapshot_breaks_nothing()
    {
        LruInvariantReport report = LruInvariants.Check([1, 2, 3], [3, 1, 2], linksAgree: true, capacity: 3);
        Assert.True(report.Holds);
        Assert.Empty(report.Broken);
    }

    public static TheoryData<int[], int[], bool, int, string> BrokenSnapshots => new()
    {
        { [1, 2], [1], true, 5, LruInvariants.MapKeysAreListed },
        { [1], [1, 2], true, 5, LruInvariants.ListedKeysAreMapped },
        { [1, 2], [1, 2, 2], true, 5, LruInvariants.NoKeyListedTwice },
        { [1, 2], [1, 2, 2], true, 5, LruInvariants.ListLengthEqualsCount },
        { [1, 2, 3], [1, 2, 3], true, 2, LruInvariants.CountWithinCapacity },
        { [1, 2], [2, 1], false, 5, LruInvariants.ListLinksAgree },
    };

    [Theory]
    [MemberData(nameof(BrokenSnapshots))]
    public void A_broken_snapshot_is_reported_by_the_invariant_it_breaks(int[] mapKeys, int[] listKeys, bool linksAgree, int capacity, string invariant)
    {
        LruInvariantReport report = LruInvariants.Check(mapKeys, listKeys, linksAgree, capacity);
        Assert.False(report.Holds);
        Assert.Contains(invariant, report.Broken);
        Assert.Contains(invariant, report.ToString());
    }

    [Fact]
    public void Only_the_broken_invariant_is_reported()
    {
        LruInvariantReport report = LruInvariants.Check([1, 2, 3], [1, 2, 3], linksAgree: true, capacity: 2);
        Assert.Equal([LruInvariants.CountWithinCapacity], report.Broken);
    }

    [Fact]
    public void Every_invariant_has_a_distinct_name()
    {
        Assert.Equal(LruInvariants.All.Count, LruInvariants.All.Distinct().Count());
    }
}
