using ActorConcurrency.SharedState.Config;
using Akka.Actor;

// Namespace ConfigReload, not Config: a namespace ActorConcurrency.Actors.Config would shadow Akka's
// Akka.Configuration.Config in every file under ActorConcurrency.Actors (HoconConfig included).
namespace ActorConcurrency.Actors.ConfigReload;

/// <summary>The messages of <see cref="ConfigOwnerActor"/>.</summary>
public static class ConfigProtocol
{
    /// <summary>
    /// Puts <paramref name="Next"/> in force. The sender gets <see cref="Reloaded"/> or <see cref="ReloadRejected"/>;
    /// on success every subscriber then gets <see cref="ConfigChanged"/>.
    /// </summary>
    public sealed record Reload(Config Next);

    /// <summary>The reload was applied: <paramref name="Version"/> is now in force.</summary>
    public sealed record Reloaded(long Version);

    /// <summary>The reload was refused and the config in force did not change.</summary>
    /// <param name="Attempted">The version that was refused, or null when the message carried no config.</param>
    /// <param name="InForce">The version still in force.</param>
    /// <param name="Reason">Why: no config, a validation error, or a version that is not newer.</param>
    public sealed record ReloadRejected(long? Attempted, long InForce, string Reason);

    /// <summary>
    /// Registers <paramref name="Subscriber"/>: it gets the config in force at once, then every new one, in
    /// version order, until it stops or sends <see cref="Unsubscribe"/>.
    /// </summary>
    public sealed record Subscribe(IActorRef Subscriber);

    /// <summary>The subscription was refused (no subscriber in the message); nothing changed.</summary>
    public sealed record SubscribeRejected(string Reason);

    /// <summary>Removes <paramref name="Subscriber"/>; it gets no further <see cref="ConfigChanged"/>.</summary>
    public sealed record Unsubscribe(IActorRef Subscriber);

    /// <summary>A config is in force: sent to each subscriber on subscribing and after each reload.</summary>
    public sealed record ConfigChanged(Config Config);

    /// <summary>Asks for the config in force; the reply is <see cref="CurrentConfig"/>.</summary>
    public sealed record GetCurrent
    {
        /// <summary>The only instance.</summary>
        public static readonly GetCurrent Instance = new();

        private GetCurrent()
        {
        }
    }

    /// <summary>The config in force when the owner processed <see cref="GetCurrent"/>.</summary>
    public sealed record CurrentConfig(Config Config);
}
