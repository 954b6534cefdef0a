using Akka.Actor;
using Akka.Cluster;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>Completes a task when one member is removed from the cluster (the node-loss spec's gate).</summary>
internal sealed class MemberRemovedWatcher : ReceiveActor
{
    public MemberRemovedWatcher(Address member, TaskCompletionSource removed)
    {
        Receive<ClusterEvent.MemberRemoved>(e =>
        {
            if (e.Member.Address.Equals(member))
            {
                removed.TrySetResult();
            }
        });
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
    }

    protected override void PreStart() =>
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));

    protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);
}
