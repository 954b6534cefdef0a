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
}
