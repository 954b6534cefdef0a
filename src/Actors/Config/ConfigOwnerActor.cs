using System.Diagnostics;
using ActorConcurrency.SharedState.Config;
using Akka.Actor;

// Namespace ConfigReload, not Config: a namespace ActorConcurrency.Actors.Config would shadow Akka's
// Akka.Configuration.Config in every file under ActorConcurrency.Actors (HoconConfig included).
namespace ActorConcurrency.Actors.ConfigReload;

/// <summary>
/// Task 6, actor form: the config is owned by one actor. Reloads are messages, handled one at a time, so
/// there is no race between operators to arbitrate with a CAS: the owner compares each version with the
/// one in force and refuses what is not newer. Each accepted config is pushed to every subscriber; Akka
/// delivers messages between one pair of actors in send order, so each subscriber sees versions in order.
/// </summary>
public sealed class ConfigOwnerActor : ReceiveActor
{
    /// <summary>Touched only inside this actor's message handlers.</summary>
    private readonly HashSet<IActorRef> _subscribers = [];

    /// <summary>The config in force; replaced whole, only by a valid, newer config.</summary>
    private Config _current;

    /// <summary>Creates the owner with <paramref name="initial"/> in force.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="initial"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="initial"/> fails validation.</exception>
    public ConfigOwnerActor(Config initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        if (initial.Validate() is { } error)
        {
            throw new ArgumentException($"Config rejected: {error}.", nameof(initial));
        }

        _current = initial;
        Receive<ConfigProtocol.Reload>(HandleReload);
        Receive<ConfigProtocol.Subscribe>(HandleSubscribe);
        Receive<ConfigProtocol.Unsubscribe>(u =>
        {
            if (_subscribers.Remove(u.Subscriber))
            {
                Context.Unwatch(u.Subscriber);
            }
        });
        Receive<ConfigProtocol.GetCurrent>(_ => Sender.Tell(new ConfigProtocol.CurrentConfig(_current)));

        // A subscriber that stopped would otherwise be sent every future config as a dead letter.
        Receive<Terminated>(t => _subscribers.Remove(t.ActorRef));
    }

    /// <summary>The props to spawn an owner with <paramref name="initial"/> in force.</summary>
    public static Props Props(Config initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        return Akka.Actor.Props.Create(() => new ConfigOwnerActor(initial));
    }

    private void HandleReload(ConfigProtocol.Reload reload)
    {
        // The record says non-null, but a sender can still put null in it: refuse it by message, not by crashing.
        Config? next = reload.Next;
        string? reason = next is null ? "no config in the message"
            : next.Validate() is { } error ? error
            : next.Version <= _current.Version ? $"version {next.Version} is not newer than {_current.Version}"
            : null;
        if (reason is not null)
        {
            Sender.Tell(new ConfigProtocol.ReloadRejected(next?.Version, _current.Version, reason));
            return;
        }

        Debug.Assert(next is not null && next.Version > _current.Version, "only a newer, valid config gets here");
        _current = next;
        Sender.Tell(new ConfigProtocol.Reloaded(next.Version));
        var changed = new ConfigProtocol.ConfigChanged(next);
        foreach (IActorRef subscriber in _subscribers)
        {
            subscriber.Tell(changed);
        }
    }

    private void HandleSubscribe(ConfigProtocol.Subscribe subscribe)
    {
        if (subscribe.Subscriber is null || subscribe.Subscriber.IsNobody())
        {
            Sender.Tell(new ConfigProtocol.SubscribeRejected("Subscribe needs an actor to send configs to."));
            return;
        }

        if (_subscribers.Add(subscribe.Subscriber))
        {
            Context.Watch(subscribe.Subscriber);
        }

        subscribe.Subscriber.Tell(new ConfigProtocol.ConfigChanged(_current));
    }
}
