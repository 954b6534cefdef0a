using Akka.Actor;

namespace ActorConcurrency.Actors.Leaks;

/// <summary>
/// Task 9: a look at the actor system's temporary actors — the one-shot actors <c>Ask</c> creates to receive
/// its reply, registered under <c>/temp</c> until the ask completes or times out.
/// </summary>
public static class TemporaryActors
{
    /// <summary>Whether <paramref name="actor"/> is still registered as a temporary actor of <paramref name="system"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool IsRegistered(ActorSystem system, IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(actor);
        // The temp container answers Nobody for a name it no longer holds.
        return !((ExtendedActorSystem)system).Provider.TempContainer.GetChild([actor.Path.Name]).IsNobody();
    }
}
