namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The shadow of one memory location: its FastTrack cell (which keeps its atomic clock too). The object itself is the
/// lock that serialises atomic accesses to the location with their shadow updates.
/// </summary>
internal sealed class Location
{
    public Location(object cell, object? memory = null, object? owner = null)
    {
        Cell = cell;
        Memory = memory;
        Owner = owner;
    }

    /// <summary>The backend's shadow cell.</summary>
    public object Cell { get; }

    /// <summary>The object whose field or contents this is (null for other locations): what a site's remembered location is checked by.</summary>
    public object? Owner { get; }

    /// <summary>
    /// The identity of the session's shadow memory a field or contents location belongs to (null for other locations):
    /// a token, not the memory itself. The location lives as long as its object (a static one lives as long as the
    /// program), and a reference from it to the memory would keep the ended session, its detector and clocks alive
    /// with it.
    /// </summary>
    public object? Memory { get; }
}
