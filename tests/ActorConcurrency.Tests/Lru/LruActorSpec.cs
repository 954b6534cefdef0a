using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.Lru;
using ActorConcurrency.SharedState.Lru;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Lru;

/// <summary>Task 13, actor form: the same operations and semantics as the shared-memory LRU, by message.</summary>
public sealed class LruActorSpec : TestKit
{
    public LruActorSpec()
        : base(HoconConfig.Base)
    {
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_capacity_below_one_is_rejected_before_any_actor_exists(int capacity)
    {
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => LruActor<int, int>.Props(capacity)).ParamName);
    }

    [Fact]
    public async Task Evicts_the_least_recently_used_entry_and_a_hit_promotes()
    {
        IActorRef lru = Sys.ActorOf(LruActor<int, int>.Props(2));
        lru.Tell(new LruProtocol.Set<int, int>(1, 10), TestActor);
        await ExpectMsgAsync(new LruProtocol.Stored<int>(1, Evicted: false));
        lru.Tell(new LruProtocol.Set<int, int>(2, 20), TestActor);
        await ExpectMsgAsync(new LruProtocol.Stored<int>(2, Evicted: false));
        lru.Tell(new LruProtocol.Get<int>(1), TestActor);
        await ExpectMsgAsync(new LruProtocol.GetResult<int, int>(1, true, 10));

        lru.Tell(new LruProtocol.Set<int, int>(3, 30), TestActor);
        await ExpectMsgAsync(new LruProtocol.Stored<int>(3, Evicted: true));
        lru.Tell(new LruProtocol.Get<int>(2), TestActor);
        await ExpectMsgAsync(new LruProtocol.GetResult<int, int>(2, false, 0));
        lru.Tell(LruProtocol.GetKeys.Instance, TestActor);
        var order = await ExpectMsgAsync<LruProtocol.KeysAre<int>>();
        Assert.Equal([1, 3], order.Keys);
        lru.Tell(LruProtocol.GetCount.Instance, TestActor);
        await ExpectMsgAsync(new LruProtocol.CountIs(2, 2));
    }

    [Fact]
    public async Task Remove_reports_whether_the_key_was_cached()
    {
        IActorRef lru = Sys.ActorOf(LruActor<int, int>.Props(2));
        lru.Tell(new LruProtocol.Set<int, int>(1, 10), TestActor);
        await ExpectMsgAsync<LruProtocol.Stored<int>>();
        lru.Tell(new LruProtocol.Remove<int>(1), TestActor);
        await ExpectMsgAsync(new LruProtocol.Removed<int>(1, Existed: true));
        lru.Tell(new LruProtocol.Remove<int>(1), TestActor);
        await ExpectMsgAsync(new LruProtocol.Removed<int>(1, Existed: false));
    }

    [Fact]
    public async Task A_null_key_gets_a_typed_rejection_and_changes_nothing()
    {
        IActorRef lru = Sys.ActorOf(LruActor<string, int>.Props(2));
        var set = new LruProtocol.Set<string, int>(null!, 1);
        lru.Tell(set, TestActor);
        var rejected = await ExpectMsgAsync<LruProtocol.Rejected>();
        Assert.Same(set, rejected.Request);

        lru.Tell(new LruProtocol.Get<string>(null!), TestActor);
        await ExpectMsgAsync<LruProtocol.Rejected>();
        lru.Tell(LruProtocol.GetCount.Instance, TestActor);
        await ExpectMsgAsync(new LruProtocol.CountIs(0, 2));
    }

    [Fact]
    public async Task A_message_it_does_not_handle_is_answered_not_dropped()
    {
        IActorRef lru = Sys.ActorOf(LruActor<int, int>.Props(2));
        lru.Tell(new LruProtocol.Get<string>("wrong key type"), TestActor);
        var rejected = await ExpectMsgAsync<LruProtocol.Rejected>();
        Assert.Contains("Get", rejected.Reason);
    }

    [Fact]
    public async Task Concurrent_asks_leave_every_invariant_holding_checked_by_message()
    {
        const int capacity = 32;
        IActorRef lru = Sys.ActorOf(LruActor<int, int>.Props(capacity));
        var timeout = TimeSpan.FromSeconds(10);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var senders = Enumerable.Range(0, 8).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            await gate.Task;
            for (int i = 0; i < 200; i++)
            {
                int key = random.Next(4 * capacity);
                if (random.Next(3) == 0)
                {
                    await lru.Ask<LruProtocol.Stored<int>>(new LruProtocol.Set<int, int>(key, key), timeout);
                }
                else
                {
                    var result = await lru.Ask<LruProtocol.GetResult<int, int>>(new LruProtocol.Get<int>(key), timeout);
                    Assert.True(!result.Found || result.Value == key);
                }
            }
        })).ToArray();
        gate.SetResult();
        await Task.WhenAll(senders);

        lru.Tell(LruProtocol.CheckInvariants.Instance, TestActor);
        LruInvariantReport report = (await ExpectMsgAsync<LruProtocol.InvariantsChecked>()).Report;
        Assert.True(report.Holds, report.ToString());
        Assert.Equal(capacity, report.Count);
    }
}
