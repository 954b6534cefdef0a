namespace ActorConcurrency.RaceDetector.Reports;

/// <summary>
/// One synchronisation edge the detector applied: the source's release at <c>FromClock@FromThread</c>
/// happens before the acquire at <c>ToClock@ToThread</c>.
/// </summary>
/// <param name="Kind">The rule that made the edge ("go statement", "channel send → receive", …).</param>
/// <param name="Object">The synchronisation object's name.</param>
/// <param name="FromThread">Releasing logical thread id.</param>
/// <param name="FromName">Its name.</param>
/// <param name="FromClock">Its clock at the release.</param>
/// <param name="ToThread">Acquiring logical thread id.</param>
/// <param name="ToName">Its name.</param>
/// <param name="ToClock">Its clock right after the acquire.</param>
public sealed record HappensBeforeEdge(
    string Kind, string Object, int FromThread, string FromName, int FromClock, int ToThread, string ToName, int ToClock)
{
    /// <inheritdoc />
    public override string ToString() => $"{FromName}@{FromClock} ⇒ {ToName}@{ToClock} [{Kind}{(Object.Length == 0 ? string.Empty : $" on {Object}")}]";
}
