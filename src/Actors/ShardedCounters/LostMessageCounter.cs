using System.Globalization;
using System.Text.RegularExpressions;
using Akka.Actor;
using Akka.Event;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// Counts, for a node's status display, the messages its actor system lost: dead letters (a message to an actor
/// that is gone, a reply to an Ask that timed out) and the messages a shard region dropped, which Akka.NET only
/// logs ("Dropping [n] buffered messages to shard … during hand off", "Buffer is full, dropping message"). With
/// exactly-once delivery every such loss is retried by the client; the counts say how often that happened.
/// </summary>
public sealed partial class LostMessageCounter : ReceiveActor
{
    /// <summary>Counts into <paramref name="counts"/>; created by <see cref="LostMessages.Start"/>.</summary>
    public LostMessageCounter(LostMessages counts)
    {
        Receive<DeadLetter>(_ => Interlocked.Increment(ref counts.DeadLettersField));
        Receive<Warning>(warning =>
        {
            string text = warning.Message?.ToString() ?? "";
            Match match = HandOffDrop().Match(text);
            if (match.Success)
            {
                Interlocked.Add(ref counts.ShardDropsField, long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
            else if (text.Contains("Buffer is full, dropping message", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref counts.ShardDropsField);
            }
        });
    }

    [GeneratedRegex(@"Dropping \[(\d+)\] buffered messages", RegexOptions.CultureInvariant)]
    private static partial Regex HandOffDrop();
}
