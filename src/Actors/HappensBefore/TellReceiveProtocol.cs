using ActorConcurrency.RaceDetector.Sync;

namespace ActorConcurrency.Actors.HappensBefore;

/// <summary>The messages of <see cref="TellReceiveActor"/>.</summary>
public static class TellReceiveProtocol
{
    /// <summary>"Read what I published": carries the sender's clock, taken just before the Tell.</summary>
    public sealed record ReadPublished(TellStamp Stamp);

    /// <summary>The reply: what the actor read.</summary>
    public sealed record Read(string Value);
}
