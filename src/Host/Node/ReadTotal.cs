using ActorConcurrency.Actors.ShardedCounters;
using ActorConcurrency.Host.Commands;
using Akka.Actor;
using Spectre.Console;

namespace ActorConcurrency.Host.Node;

/// <summary>
/// <c>node --read-total</c>: what a fresh node reads back from a journal. It starts a single-node cluster of its
/// own on that journal (so no other node may be using it), asks every counter for its value (each replays its
/// events), prints one line per key and the total, writes them to <c>--report</c> (<see cref="ReadTotalReport"/>), and leaves. The crash harness
/// compares this with what the loaders were acknowledged.
/// </summary>
internal static class ReadTotal
{
    public static async Task<int> RunAsync(HostConsole console, ShardedCounterNode node, IReadOnlyList<string> keys, string? reportPath, CancellationToken cancellationToken)
    {
        var perKey = new SortedDictionary<string, long>(StringComparer.Ordinal);
        try
        {
            ShardedCounterProtocol.Count[] counts = await Task.WhenAll(keys.Select(key =>
                node.Region.Ask<ShardedCounterProtocol.Count>(new ShardedCounterProtocol.GetCount(key), TimeSpan.FromSeconds(60), cancellationToken)));
            foreach (ShardedCounterProtocol.Count count in counts)
            {
                perKey[count.Key] = count.Value;
                console.Output.WriteLine($"read-total: {count.Key} = {count.Value:N0}");
            }
        }
        catch (AskTimeoutException)
        {
            console.Error.WriteLine("error: a counter did not answer within 60 s (journal unavailable?)");
            return ExitCodes.DemonstrationFailed;
        }
        finally
        {
            await node.ShutdownAsync();
        }

        long total = perKey.Values.Sum();
        console.Output.WriteLine($"read-total: total = {total:N0}");
        if (reportPath is not null)
        {
            new ReadTotalReport { Total = total, PerKey = perKey }.WriteTo(reportPath);
        }

        return ExitCodes.Ok;
    }
}
