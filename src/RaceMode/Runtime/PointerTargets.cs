using System.Collections.Concurrent;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// What a pointer held in a <c>ref</c> local, <c>ref</c> parameter or <c>ref</c> return points at, as one int the
/// rewritten code carries beside the pointer (with the owner object and the element index): a site of
/// <see cref="SiteTable"/> naming the location, shifted left by two, and its <see cref="PointerKind"/>. 0 is an
/// unknown target (a pointer to a stack local, or made by code race mode did not rewrite): not checked.
/// </summary>
internal static class PointerTargets
{
    private static readonly ConcurrentDictionary<(int Target, int Suffix), int> s_extended = new();

    public static int Encode(int site, PointerKind kind) => (site << 2) | (int)kind;

    /// <summary>The target one field deeper: <paramref name="suffix"/> is a location id such as <c>.X</c>.</summary>
    public static int Extend(int target, int suffix)
    {
        if (target == 0)
        {
            return 0;
        }

        return s_extended.GetOrAdd((target, suffix), static key =>
        {
            RaceSite site = SiteTable.Get(key.Target >> 2);
            var kind = (PointerKind)(key.Target & 3);
            int location = SiteTable.Location(site.LocationName + SiteTable.LocationName(key.Suffix));
            return Encode(SiteTable.Register(site.Where, location), kind == PointerKind.Element ? PointerKind.ElementField : kind);
        });
    }

    /// <summary>The shadow location of the target, or null when it is unknown or the access will throw.</summary>
    public static Location? Resolve(RaceSession session, object? owner, nint index, int target)
    {
        RaceSite site = SiteTable.Get(target >> 2);
        return (PointerKind)(target & 3) switch
        {
            _ when target == 0 => null,
            PointerKind.Field => owner is null ? null : session.Shadow.Field(owner, site),
            PointerKind.Static => session.Shadow.Static(owner, site),
            PointerKind.Element when owner is Array array && (nuint)index < (nuint)array.Length => session.Shadow.Element(array, (int)index, site, fieldOfElement: false),
            PointerKind.ElementField when owner is Array array && (nuint)index < (nuint)array.Length => session.Shadow.Element(array, (int)index, site, fieldOfElement: true),
            _ => null,
        };
    }
}
