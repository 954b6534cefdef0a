namespace ActorConcurrency.Actors.Counters;

/// <summary>The messages of <see cref="CounterActor"/>.</summary>
public static class CounterProtocol
{
    /// <summary>Adds one to the count. Fire-and-forget: send it with <c>Tell</c>; there is no reply.</summary>
    public sealed record Increment
    {
        /// <summary>The only instance.</summary>
        public static readonly Increment Instance = new();

        private Increment()
        {
        }
    }

    /// <summary>Asks for the count; the actor replies with <see cref="Count"/>.</summary>
    public sealed record GetCount
    {
        /// <summary>The only instance.</summary>
        public static readonly GetCount Instance = new();

        private GetCount()
        {
        }
    }

    /// <summary>The count, as of every message the actor processed before the <see cref="GetCount"/>.</summary>
    public sealed record Count(long Value);
}
