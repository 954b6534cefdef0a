using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.ShardedCounters;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>Task 19, actor form: one counter entity acknowledges an increment only once the journal has it.</summary>
public sealed class CounterEntitySpec : TestKit
{
    public CounterEntitySpec()
        : base(ConfigurationFactory.ParseString(GatedJournal.Config).WithFallback(HoconConfig.Base))
    {
        GatedJournal.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        GatedJournal.WriteArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [Fact]
    public async Task An_add_is_acknowledged_only_after_the_journal_wrote_it_and_reads_wait_for_it_too()
    {
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("a"));
        counter.Tell(new ShardedCounterProtocol.Add("a", 5), TestActor);
        counter.Tell(new ShardedCounterProtocol.GetCount("a"), TestActor);

        await GatedJournal.WriteArrived.Task; // the write is at the journal, held by the gate
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300)); // no ack and no count while it is not durable

        GatedJournal.Gate.SetResult();
        await ExpectMsgAsync(new ShardedCounterProtocol.Added("a", 5, 5));
        await ExpectMsgAsync(new ShardedCounterProtocol.Count("a", 5)); // the read was stashed behind the write
    }

    [Fact]
    public async Task A_hand_off_stop_waits_for_the_write_in_flight_and_the_adds_stashed_behind_it()
    {
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("c"));
        Watch(counter);
        counter.Tell(new ShardedCounterProtocol.Add("c", 1), TestActor);
        await GatedJournal.WriteArrived.Task; // the first write is held at the journal
        counter.Tell(new ShardedCounterProtocol.Add("c", 2), TestActor);
        counter.Tell(ShardedCounterProtocol.HandOffStop.Instance);

        // A PoisonPill here would stop the entity at once and drop both acknowledgements.
        GatedJournal.Gate.SetResult();
        await ExpectMsgAsync(new ShardedCounterProtocol.Added("c", 1, 1));
        await ExpectMsgAsync(new ShardedCounterProtocol.Added("c", 2, 3));
        await ExpectTerminatedAsync(counter);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task A_non_positive_amount_is_rejected_with_a_typed_message_and_not_counted(long amount)
    {
        GatedJournal.Gate.SetResult();
        IActorRef counter = Sys.ActorOf(CounterEntity.Props("b"));
        counter.Tell(new ShardedCounterProtocol.Add("b", amount), TestActor);
        var rejected = await ExpectMsgAsync<ShardedCounterProtocol.Rejected>();
        Assert.Equal("b", rejected.Key);

        counter.Tell(new ShardedCounterProtocol.GetCount("b"), TestActor);
        await ExpectMsgAsync(new ShardedCounterProtocol.Count("b", 0));
    }
}
