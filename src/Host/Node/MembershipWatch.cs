using ActorConcurrency.Actors.ShardedCounters;
using Akka.Actor;
using Akka.Cluster;

namespace ActorConcurrency.Host.Node;

/// <summary>
/// Records, every 100 ms, how this node sees the other members change (<see cref="MemberEvent"/>), for its report.
/// Reading <see cref="Cluster.State"/> is a snapshot of the node's gossip view: no actor, no message, nothing printed,
/// so the times do not wait for a status line whose region is slow to answer.
/// </summary>
internal sealed class MembershipWatch : IDisposable
{
    private readonly Cluster _cluster;
    private readonly Lock _lock = new();
    private readonly List<MemberEvent> _events = [];
    private readonly Dictionary<string, (MemberStatus Status, bool Reachable)> _seen = [];
    private readonly CancellationTokenSource _stop = new();

    public MembershipWatch(ActorSystem system)
    {
        _cluster = Cluster.Get(system);
        _ = Task.Run(WatchAsync);
    }

    /// <summary>Every change seen so far, oldest first.</summary>
    public IReadOnlyList<MemberEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do
            {
                Look();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Disposed: the node is stopping.
        }
        catch (ObjectDisposedException)
        {
            // Disposed between two ticks.
        }
    }

    private void Look()
    {
        ClusterEvent.CurrentClusterState state = _cluster.State;
        var unreachable = state.Unreachable.Select(m => Name(m.Address)).ToHashSet(StringComparer.Ordinal);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (Member member in state.Members)
            {
                string name = Name(member.Address);
                present.Add(name);
                bool reachable = !unreachable.Contains(name);
                bool known = _seen.TryGetValue(name, out (MemberStatus Status, bool Reachable) before);
                if ((!known || before.Status != member.Status) && member.Status is MemberStatus.Up or MemberStatus.Down)
                {
                    _events.Add(new MemberEvent(name, member.Status == MemberStatus.Up ? "up" : "down", now));
                }

                if (known && before.Reachable != reachable || !known && !reachable)
                {
                    _events.Add(new MemberEvent(name, reachable ? "reachable" : "unreachable", now));
                }

                _seen[name] = (member.Status, reachable);
            }

            foreach (string gone in _seen.Keys.Where(k => !present.Contains(k)).ToList())
            {
                _events.Add(new MemberEvent(gone, "removed", now));
                _seen.Remove(gone);
            }
        }
    }

    private static string Name(Address address) => $"{address.Host}:{address.Port}";
}
