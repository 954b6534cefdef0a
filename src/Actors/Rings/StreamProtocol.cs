namespace ActorConcurrency.Actors.Rings;

/// <summary>The messages of <see cref="StreamCountingActor"/>.</summary>
public static class StreamProtocol
{
    /// <summary>One item of the stream. Fire-and-forget: send it with <c>Tell</c>.</summary>
    public sealed record Item(long Value);

    /// <summary>Asks what the actor has received. Reply: <see cref="Received"/>.</summary>
    public sealed record GetReceived
    {
        /// <summary>The only instance.</summary>
        public static readonly GetReceived Instance = new();

        private GetReceived()
        {
        }
    }

    /// <summary>
    /// Asks to be told once the actor has received <paramref name="Count"/> items (at once if it already has).
    /// Reply: <see cref="Received"/>. Lets a caller wait for a stream sent by another sender without polling.
    /// </summary>
    public sealed record WhenReceived(long Count);

    /// <summary>
    /// What the actor received, as of every message processed before the <see cref="GetReceived"/>: how many
    /// items, their sum, and how many arrived out of order (not one more than the item before it).
    /// </summary>
    public sealed record Received(long Count, long Sum, long OutOfOrder);
}
