namespace ActorConcurrency.Bench.Rings;

/// <summary>The messages of <see cref="BareCountingActor"/>.</summary>
internal static class BareCountingProtocol
{
    /// <summary>One item: a singleton, so the floor allocates nothing per message.</summary>
    public sealed record Tick
    {
        /// <summary>The only instance.</summary>
        public static readonly Tick Instance = new();

        private Tick()
        {
        }
    }

    /// <summary>Asks to be told once <paramref name="Count"/> ticks have arrived. Reply: <see cref="Counted"/>.</summary>
    public sealed record WhenCounted(long Count);

    /// <summary>How many ticks had arrived when the reply was sent.</summary>
    public sealed record Counted(long Count);
}
