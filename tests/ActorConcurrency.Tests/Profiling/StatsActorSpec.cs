using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.Profiling;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Profiling;

/// <summary>Task 16, actor form: the statistics actor owns the counts; the router pool's workers all report to it.</summary>
public sealed class StatsActorSpec : TestKit
{
    public StatsActorSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task WhenRecorded_is_answered_once_the_count_is_reached_and_not_before()
    {
        var stats = Sys.ActorOf(StatsActor.Props());
        stats.Tell(new WorkerPoolProtocol.WhenRecorded(2), TestActor);
        stats.Tell(new WorkerPoolProtocol.JobDone(1, 10));

        // The actor handles messages in order: the reply to this second request proves the first JobDone
        // was handled, and the first request is still pending (one job of two).
        stats.Tell(new WorkerPoolProtocol.WhenRecorded(1), TestActor);
        var first = await ExpectMsgAsync<WorkerPoolProtocol.StatsSnapshot>();
        Assert.Equal(1, first.Jobs);

        stats.Tell(new WorkerPoolProtocol.JobDone(2, 30));
        var second = await ExpectMsgAsync<WorkerPoolProtocol.StatsSnapshot>();
        Assert.Equal(2, second.Jobs);
        Assert.Equal(40, second.TotalTicks);
        Assert.Equal(30, second.MaxTicks);
    }

    [Fact]
    public async Task A_negative_count_is_rejected()
    {
        var stats = Sys.ActorOf(StatsActor.Props());
        stats.Tell(new WorkerPoolProtocol.WhenRecorded(-1), TestActor);
        await ExpectMsgAsync<WorkerPoolProtocol.Rejected>();
    }

    [Fact]
    public async Task Every_job_sent_to_the_router_pool_is_recorded_by_the_stats_actor()
    {
        var stats = Sys.ActorOf(StatsActor.Props());
        var router = Sys.ActorOf(WorkerRouterPool.Props(4, stats));
        for (int i = 0; i < 1000; i++)
        {
            router.Tell(new WorkerPoolProtocol.Job(i));
        }

        stats.Tell(new WorkerPoolProtocol.WhenRecorded(1000), TestActor);
        var snapshot = await ExpectMsgAsync<WorkerPoolProtocol.StatsSnapshot>(TimeSpan.FromSeconds(30));
        Assert.Equal(1000, snapshot.Jobs);
        Assert.Equal(1000, snapshot.PerKind.Values.Sum());
    }
}
