using Akka.Actor;

namespace ActorConcurrency.Bench.ActorFloor;

/// <summary>
/// The floor of an Akka.NET request/response: an actor that does nothing but send each message back to its
/// sender. An <see cref="UntypedActor"/> (no handler table to search) replying with the very object it got (no
/// allocation), so whatever an owner actor costs beyond it is the owner's own work and message design.
/// </summary>
public sealed class EchoActor : UntypedActor
{
    /// <summary>The props to spawn an echo actor.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new EchoActor());

    /// <inheritdoc />
    protected override void OnReceive(object message) => Sender.Tell(message, Self);
}
