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
    [Fact]
    public async Task A_subscriber_is_told_each_entry_that_leaves_before_the_requester_gets_its_reply()
    {
        IActorRef lru = Sys.ActorOf(LruActor<int, int>.Props(1));
        var subscriber = CreateTestProbe();
        lru.Tell(new LruProtocol.SubscribeEvictions(subscriber.Ref), TestActor);
        await ExpectMsgAsync(new LruProtocol.EvictionsSubscribed(subscriber.Ref));

        lru.Tell(new LruProtocol.Set<int, int>(1, 10), TestActor);
        await ExpectMsgAsync(new LruProtocol.Stored<int>(1, Evicted: false));
        lru.Tell(new LruProtocol.Set<int, int>(2, 20), TestActor);
        await ExpectMsgAsync(new LruProtocol.Stored<int>(2, Evicted: true));
        await subscriber.ExpectMsgAsync(new LruProtocol.EntryEvicted<int, int>(new(1, 10, LruEvictionReason.Evicted)));
        lru.Tell(LruProtocol.Clear.Instance, TestActor);
        await ExpectMsgAsync(new LruProtocol.Cleared(1));
        await subscriber.ExpectMsgAsync(new LruProtocol.EntryEvicted<int, int>(new(2, 20, LruEvictionReason.Cleared)));

        lru.Tell(new LruProtocol.UnsubscribeEvictions(subscriber.Ref), TestActor);
        await ExpectMsgAsync(new LruProtocol.EvictionsUnsubscribed(subscriber.Ref));
        lru.Tell(new LruProtocol.Set<int, int>(3, 30), TestActor);
        await ExpectMsgAsync<LruProtocol.Stored<int>>();
        lru.Tell(new LruProtocol.Remove<int>(3), TestActor);
        await ExpectMsgAsync(new LruProtocol.Removed<int>(3, Existed: true));
        // Subscribers are told before the reply is sent, and a probe queues what it is told at once: had the
        // removal been reported, it would be waiting in the probe by now.
        Assert.False(subscriber.HasMessages);
    }

    [Fact]
    public async Task A_resize_below_one_is_rejected_and_changes_nothing()
    {
        IActorRef lru = Sys.ActorOf(LruActor<int, int>.Props(2));
        lru.Tell(new LruProtocol.Set<int, int>(1, 10), TestActor);
        await ExpectMsgAsync<LruProtocol.Stored<int>>();
        var resize = new LruProtocol.Resize(0);
        lru.Tell(resize, TestActor);
        Assert.Same(resize, (await ExpectMsgAsync<LruProtocol.Rejected>()).Request);
        lru.Tell(LruProtocol.GetCount.Instance, TestActor);
        await ExpectMsgAsync(new LruProtocol.CountIs(1, 2));
    }

    [Fact]
    public async Task Get_or_add_with_a_factory_runs_the_factory_at_the_caller_once_per_miss()
    {
        IActorRef lru = Sys.ActorOf(LruActor<int, int>.Props(2));
        var timeout = TimeSpan.FromSeconds(10);
        int calls = 0;
        Task<int> Load(int key) => Task.FromResult(++calls * 100 + key);

        Assert.Equal(101, await lru.GetOrAddAsync<int, int>(1, Load, timeout));
        Assert.Equal(101, await lru.GetOrAddAsync<int, int>(1, Load, timeout));
        Assert.Equal(1, calls);
        lru.Tell(LruProtocol.GetMetrics.Instance, TestActor);
        await ExpectMsgAsync(new LruProtocol.MetricsAre(new LruMetrics(Hits: 1, Misses: 1, Evictions: 0)));
    }

    [Fact]
    public async Task Get_or_add_by_message_returns_the_cached_value_or_stores_the_one_sent()
    {
        IActorRef lru = Sys.ActorOf(LruActor<int, int>.Props(2));
        lru.Tell(new LruProtocol.GetOrAdd<int, int>(1, 10), TestActor);
        await ExpectMsgAsync(new LruProtocol.GetOrAddResult<int, int>(1, 10, Added: true));
        lru.Tell(new LruProtocol.GetOrAdd<int, int>(1, 99), TestActor);
        await ExpectMsgAsync(new LruProtocol.GetOrAddResult<int, int>(1, 10, Added: false));
    }
}
