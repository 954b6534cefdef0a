using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Host.Commands;
using Spectre.Console;

namespace ActorConcurrency.Host.Node;

/// <summary>A node's fault-injection commands (<c>node --fault-injection</c>), read from standard input while it runs.</summary>
internal static class FaultCommands
{
    /// <summary>
    /// Testing (<c>--fault-injection</c>): standard input lines <c>cut HOST:PORT both|send|receive</c> and
    /// <c>heal HOST:PORT</c> cut this node's link to another node (a partition while both run) and heal it. Each is
    /// answered with one line on standard output (<c>fault injection: …</c>) or on standard error when refused.
    /// </summary>
    public static async Task TakeAsync(HostConsole console, ShardedCounterNode node, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = await Console.In.ReadLineAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (line is null)
            {
                return; // standard input closed
            }

            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            PartitionDirection? direction = words switch
            {
                ["heal", _] => PartitionDirection.None,
                ["cut", _, "both"] => PartitionDirection.Both,
                ["cut", _, "send"] => PartitionDirection.Send,
                ["cut", _, "receive"] => PartitionDirection.Receive,
                _ => null,
            };
            if (direction is null)
            {
                console.Error.WriteLine($"error: fault injection: '{line}' is neither 'cut HOST:PORT both|send|receive' nor 'heal HOST:PORT'");
                continue;
            }

            try
            {
                bool done = await node.CutOffAsync(words[1], direction.Value).WaitAsync(TimeSpan.FromSeconds(5), stop);
                if (done)
                {
                    console.Output.MarkupLine(Markup.Escape($"{DateTime.Now:HH:mm:ss} fault injection: {(direction == PartitionDirection.None ? $"healed the link to {words[1]}" : $"cut the link to {words[1]} ({direction.Value.ToString().ToLowerInvariant()})")}"));
                }
                else
                {
                    console.Error.WriteLine($"error: fault injection: the transport refused '{line}'");
                }
            }
            catch (Exception ex) when (ex is ArgumentException or TimeoutException or OperationCanceledException)
            {
                console.Error.WriteLine($"error: fault injection: '{line}': {ex.Message}");
            }
        }
    }
}
