using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.Rings;
using ActorConcurrency.Tests.Support;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Rings;

/// <summary>Task 14, the mailbox as the queue: a Tell stream from one sender arrives complete and in order.</summary>
public sealed class StreamCountingActorSpec : TestKit
{
    public StreamCountingActorSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task A_stream_from_one_sender_arrives_complete_and_in_order()
    {
        long length = StressConfig.Repetitions * 2_000;
        IActorRef counter = Sys.ActorOf(StreamCountingActor.Props());
        await Task.Factory.StartNew(
            () =>
            {
                for (long i = 0; i < length; i++)
                {
                    counter.Tell(new StreamProtocol.Item(i));
                }
            },
            TaskCreationOptions.LongRunning);

        counter.Tell(new StreamProtocol.WhenReceived(length), TestActor);
        await ExpectMsgAsync(new StreamProtocol.Received(length, length * (length - 1) / 2, 0), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Items_out_of_order_are_counted()
    {
        IActorRef counter = Sys.ActorOf(StreamCountingActor.Props());
        foreach (long value in new long[] { 0, 2, 1 })
        {
            counter.Tell(new StreamProtocol.Item(value), TestActor);
        }

        counter.Tell(StreamProtocol.GetReceived.Instance, TestActor); // same sender as the items: ordered after them
        await ExpectMsgAsync(new StreamProtocol.Received(3, 3, 2));
    }

    [Fact]
    public async Task WhenReceived_answers_only_once_the_count_is_reached()
    {
        IActorRef counter = Sys.ActorOf(StreamCountingActor.Props());
        counter.Tell(new StreamProtocol.WhenReceived(2), TestActor);
        counter.Tell(new StreamProtocol.Item(0), TestActor);
        counter.Tell(StreamProtocol.GetReceived.Instance, TestActor);
        await ExpectMsgAsync(new StreamProtocol.Received(1, 0, 0)); // the GetReceived reply, not the WhenReceived one

        counter.Tell(new StreamProtocol.Item(1), TestActor);
        await ExpectMsgAsync(new StreamProtocol.Received(2, 1, 0));
    }
}
