using Akka.Actor;

namespace ActorConcurrency.Actors.Leaks;

/// <summary>The messages of <see cref="LateReplyActor"/>.</summary>
public static class LateReplyProtocol
{
    /// <summary>A request the actor holds until <see cref="ReleaseHeld"/>, then answers with <see cref="Reply"/>.</summary>
    public sealed record Request(int Id);

    /// <summary>The answer to <see cref="Request"/>, sent to whoever sent the request — even if that asker is gone.</summary>
    public sealed record Reply(int Id);

    /// <summary>Answers every held request now; the sender gets <see cref="Released"/>.</summary>
    public sealed record ReleaseHeld
    {
        /// <summary>The only instance.</summary>
        public static readonly ReleaseHeld Instance = new();

        private ReleaseHeld()
        {
        }
    }

    /// <summary>The askers the held requests were answered to, in request order (an <c>Ask</c>'s temporary actor each).</summary>
    public sealed record Released(IReadOnlyList<IActorRef> AnsweredTo);
}
