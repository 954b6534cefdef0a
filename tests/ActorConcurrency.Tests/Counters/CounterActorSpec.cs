using ActorConcurrency.Actors.Counters;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.SharedState.Counters;
using ActorConcurrency.Tests.Support;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Counters;

/// <summary>Tasks 2–4, actor form: the count is owned by one actor and sees every Tell.</summary>
public sealed class CounterActorSpec : TestKit
{
    public CounterActorSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task Counts_every_increment_from_1000_concurrent_senders()
    {
        for (int repetition = 0; repetition < StressConfig.Repetitions; repetition++)
        {
            IActorRef counter = Sys.ActorOf(CounterActor.Props());
            await ConcurrentIncrements.RunAsync(1000, () => counter.Tell(CounterProtocol.Increment.Instance));

            counter.Tell(CounterProtocol.GetCount.Instance, TestActor);
            await ExpectMsgAsync(new CounterProtocol.Count(1000));
            Sys.Stop(counter);
        }
    }

    [Fact]
    public async Task A_new_counter_reports_zero()
    {
        IActorRef counter = Sys.ActorOf(CounterActor.Props());
        counter.Tell(CounterProtocol.GetCount.Instance, TestActor);
        await ExpectMsgAsync(new CounterProtocol.Count(0));
    }
}
