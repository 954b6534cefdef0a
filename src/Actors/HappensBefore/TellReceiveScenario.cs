using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using Akka.Actor;

namespace ActorConcurrency.Actors.HappensBefore;

/// <summary>
/// The actor scenario of task 20: main writes <c>a</c> (event A), tells a <see cref="TellReceiveActor"/>,
/// and the actor reads <c>a</c> (event B). The detector decides A vs B from the clocks, and reports no race
/// on <c>a</c> because the Tell → receive edge orders the two accesses.
/// </summary>
public static class TellReceiveScenario
{
    /// <summary>The answer and the races, after the actor replied.</summary>
    public sealed record Outcome(OrderAnswer Answer, IReadOnlyList<RaceReport> Races, string ValueRead);

    /// <summary>Runs the scenario on <paramref name="system"/>.</summary>
    public static Outcome Run(ActorSystem system, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        var detector = new VectorClockDetector(new RaceDetectorOptions { KeepAccessStacks = false, RunTimeout = timeout });
        string read = string.Empty;
        detector.Run("main", () =>
        {
            var a = new TrackedVariable<string>(detector, "a", string.Empty);
            LogicalThread actorThread = detector.Spawn("actor");
            IActorRef actor = system.ActorOf(TellReceiveActor.Props(detector, actorThread, a), $"hb-actor-{Guid.NewGuid():N}");
            try
            {
                a.Write("hello");
                detector.Event("A");
                // Ask is a Tell plus a reply; waiting for the reply is deliberately untracked: only the
                // Tell → receive edge orders A and B.
                read = actor.Ask<TellReceiveProtocol.Read>(new TellReceiveProtocol.ReadPublished(ActorEdges.Tell(detector)), timeout)
                    .GetAwaiter().GetResult().Value;
            }
            finally
            {
                system.Stop(actor);
            }
        });
        return new Outcome(detector.Order("A", "B"), detector.Races, read);
    }
}
