using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>One instrumented access: where it is written and which location it touches.</summary>
/// <param name="Where">Method, file and line (from the PDB), as reports print them.</param>
/// <param name="Location">The location's id in <see cref="SiteTable"/>.</param>
/// <param name="LocationName">The location's name, for example <c>RacyCounter._value</c>.</param>
internal sealed record RaceSite(AccessSite Where, int Location, string LocationName)
{
    /// <summary>
    /// The field or collection-contents location this site found last (<see cref="ShadowMemory.Field"/>,
    /// <see cref="ShadowMemory.Contents"/>) in the running session; it keeps at
    /// most one object per site alive, until the site touches another or the session ends.
    /// </summary>
    public Location? LastField { get; set; }

    /// <summary>
    /// The location <see cref="LastField"/> held before it: a site that two threads run on objects of their own (each
    /// task's own <c>Random</c>) finds both here instead of missing on every switch.
    /// </summary>
    public Location? OtherField { get; set; }

    /// <summary>Remembers <paramref name="found"/> as <see cref="LastField"/>, keeping the one before as <see cref="OtherField"/>.</summary>
    public void Remember(Location found)
    {
        OtherField = LastField;
        LastField = found;
    }
}
