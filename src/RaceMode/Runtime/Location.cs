namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The shadow of one memory location: its FastTrack cell (which keeps its atomic clock too). The object itself is the
/// lock that serialises atomic accesses to the location with their shadow updates.
/// </summary>
internal sealed class Location
{
    public Location(object cell) => Cell = cell;

    /// <summary>The backend's shadow cell.</summary>
    public object Cell { get; }
}
