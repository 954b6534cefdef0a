using Akka.Actor;

namespace ActorConcurrency.Actors.Leaks;

/// <summary>
/// Task 9, actor side: a backend that answers late. It holds each request (and its sender) until told to
/// release them, so a spec or demonstration decides exactly when the reply goes out — after the asker's
/// <c>Ask</c> timed out. With <c>Ask</c>, the sender is a temporary actor that exists only until the ask
/// completes or times out; a reply that arrives later finds no one and is published as a dead letter.
/// Nothing is left blocked, unlike the leaking fetch: the late reply is visible, counted, and dropped.
/// </summary>
public sealed class LateReplyActor : ReceiveActor
{
    /// <summary>Touched only inside this actor's message handlers.</summary>
    private readonly List<(IActorRef Asker, int Id)> _held = [];

    /// <summary>Creates the actor's behaviour.</summary>
    public LateReplyActor()
    {
        Receive<LateReplyProtocol.Request>(r => _held.Add((Sender, r.Id)));
        Receive<LateReplyProtocol.ReleaseHeld>(_ =>
        {
            foreach ((IActorRef asker, int id) in _held)
            {
                asker.Tell(new LateReplyProtocol.Reply(id));
            }

            Sender.Tell(new LateReplyProtocol.Released(_held.Select(h => h.Asker).ToArray()));
            _held.Clear();
        });
    }

    /// <summary>The props to spawn one.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new LateReplyActor());
}
