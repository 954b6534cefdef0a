namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The shadow of one memory location: its FastTrack cell (which keeps its atomic clock too). The object itself is the
/// lock that serialises atomic accesses to the location with their shadow updates.
/// </summary>
internal sealed class Location
{
    public Location(object cell, ShadowMemory? memory = null, object? owner = null)
    {
        Cell = cell;
        Memory = memory;
        Owner = owner;
    }

    /// <summary>The backend's shadow cell.</summary>
    public object Cell { get; }

    /// <summary>The object whose field or contents this is (null for other locations): what a site's remembered location is checked by.</summary>
    public object? Owner { get; }

    /// <summary>The session's shadow memory a field or contents location belongs to (null for other locations).</summary>
    public ShadowMemory? Memory { get; }
}
