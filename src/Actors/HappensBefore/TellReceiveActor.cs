using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using Akka.Actor;

namespace ActorConcurrency.Actors.HappensBefore;

/// <summary>
/// Task 20, actor form: an Akka actor that runs as one logical thread of a race detector. Akka processes
/// one message at a time (on whichever pool thread), so the actor enters its logical thread around each
/// message. The first thing it does with a message is join the sender's clock carried in it: that is the
/// "Tell happens before receive" edge, the same one the mailbox really provides. It then records event
/// <c>B</c> and reads the tracked variable the sender wrote before telling.
/// </summary>
public sealed class TellReceiveActor : ReceiveActor
{
    /// <summary>Creates the actor's behaviour.</summary>
    public TellReceiveActor(VectorClockDetector detector, LogicalThread self, TrackedVariable<string> published)
    {
        Receive<TellReceiveProtocol.ReadPublished>(message =>
        {
            using (self.Enter())
            {
                ActorEdges.Receive(detector, message.Stamp, "the mailbox");
                detector.Event("B");
                Sender.Tell(new TellReceiveProtocol.Read(published.Read()));
            }
        });
    }

    /// <summary>The props; <paramref name="self"/> comes from <see cref="VectorClockDetector.Spawn"/>.</summary>
    public static Props Props(VectorClockDetector detector, LogicalThread self, TrackedVariable<string> published) =>
        Akka.Actor.Props.Create(() => new TellReceiveActor(detector, self, published));
}
