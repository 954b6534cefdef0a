using Akka.Event;

namespace ActorConcurrency.Actors.Leaks;

/// <summary>The messages of <see cref="DeadLetterCounterActor"/>.</summary>
public static class DeadLetterCounterProtocol
{
    /// <summary>Replies with <see cref="Counted"/> as soon as at least <paramref name="Count"/> dead letters were seen.</summary>
    public sealed record AwaitCount(int Count);

    /// <summary>The dead letters seen so far, oldest first: each carries the message, its sender and its recipient.</summary>
    public sealed record Counted(IReadOnlyList<DeadLetter> DeadLetters);
}
