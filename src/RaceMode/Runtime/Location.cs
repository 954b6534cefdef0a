namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The shadow of one memory location: its FastTrack cell (which keeps its atomic clock too). The object itself is the
/// lock that serialises atomic accesses to the location with their shadow updates.
/// </summary>
internal sealed class Location
{
    public Location(object cell, object? owner = null)
    {
        Cell = cell;
        Owner = owner;
    }

    /// <summary>The backend's shadow cell.</summary>
    public object Cell { get; }

    /// <summary>The object whose field this is (null for other locations): what a site's cached location is checked by.</summary>
    public object? Owner { get; }
}
