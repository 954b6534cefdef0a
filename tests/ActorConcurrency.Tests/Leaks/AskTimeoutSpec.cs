using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.Leaks;
using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Leaks;

/// <summary>Task 9, actor side: a reply that arrives after the Ask timed out is a dead letter, and the ask leaves no actor behind.</summary>
public sealed class AskTimeoutSpec : TestKit
{
    public AskTimeoutSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task A_reply_after_the_ask_timed_out_goes_to_dead_letters_and_the_ask_actor_is_gone()
    {
        TestProbe deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        IActorRef backend = Sys.ActorOf(LateReplyActor.Props());

        await Assert.ThrowsAsync<AskTimeoutException>(() => backend.Ask<LateReplyProtocol.Reply>(new LateReplyProtocol.Request(1), TimeSpan.FromMilliseconds(100)));

        backend.Tell(LateReplyProtocol.ReleaseHeld.Instance, TestActor);
        var released = await ExpectMsgAsync<LateReplyProtocol.Released>();
        IActorRef asker = Assert.Single(released.AnsweredTo);

        var letter = await deadLetters.FishForMessageAsync<DeadLetter>(d => d.Message is LateReplyProtocol.Reply);
        Assert.Equal(new LateReplyProtocol.Reply(1), letter.Message);
        await AwaitAssertAsync(() => Assert.False(TemporaryActors.IsRegistered(Sys, asker)));
    }

    [Fact]
    public async Task The_dead_letter_counter_answers_once_the_count_is_reached()
    {
        IActorRef counter = Sys.ActorOf(DeadLetterCounterActor.Props(typeof(LateReplyProtocol.Reply)));
        counter.Tell(new DeadLetterCounterProtocol.AwaitCount(0), TestActor);
        await ExpectMsgAsync<DeadLetterCounterProtocol.Counted>(c => c.DeadLetters.Count == 0);

        counter.Tell(new DeadLetterCounterProtocol.AwaitCount(2), TestActor);
        Sys.DeadLetters.Tell("not counted: another type");
        Sys.DeadLetters.Tell(new LateReplyProtocol.Reply(1));
        Sys.DeadLetters.Tell(new LateReplyProtocol.Reply(2));

        var counted = await ExpectMsgAsync<DeadLetterCounterProtocol.Counted>();
        Assert.Equal([new LateReplyProtocol.Reply(1), new LateReplyProtocol.Reply(2)], counted.DeadLetters.Select(d => d.Message));
    }

    [Fact]
    public async Task An_answer_in_time_reaches_the_asker()
    {
        IActorRef backend = Sys.ActorOf(LateReplyActor.Props());
        Task<LateReplyProtocol.Reply> ask = backend.Ask<LateReplyProtocol.Reply>(new LateReplyProtocol.Request(7), TimeSpan.FromSeconds(10));
        backend.Tell(LateReplyProtocol.ReleaseHeld.Instance, TestActor);
        Assert.Equal(new LateReplyProtocol.Reply(7), await ask);
    }
}
