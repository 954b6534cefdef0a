using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// The actor edge: a Tell happens before the receive of that message. The sender stamps the message with
/// <see cref="Tell"/>; the actor, running as its own logical thread (<see cref="VectorClockDetector.Spawn"/>,
/// entered around each message), calls <see cref="Receive"/> first thing. The detector needs no reference
/// to Akka: any mailbox that hands the stamp over works.
/// </summary>
public static class ActorEdges
{
    /// <summary>On the sender: its clock now, then its clock moves on.</summary>
    public static TellStamp Tell(VectorClockDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        LogicalThread sender = detector.CurrentThread();
        (Clocks.VectorClock clock, Clocks.Epoch epoch) = VectorClockDetector.ReleaseSnapshot(sender);
        var stamp = new TellStamp(clock, epoch);
        sender.Tick();
        return stamp;
    }

    /// <summary>In the actor: everything the sender did before the Tell happens before what follows.</summary>
    public static void Receive(VectorClockDetector detector, TellStamp stamp, string actorName = "actor")
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(stamp);
        detector.AcquireFrom(detector.CurrentThread(), stamp.Clock, stamp.Sender, "actor Tell → receive", actorName);
    }
}
