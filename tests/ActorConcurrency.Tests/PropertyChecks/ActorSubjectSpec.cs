using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Actors.Lru;
using ActorConcurrency.PropertyChecks;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.PropertyChecks;

/// <summary>
/// Task 15, the property harness's actor subject: how slow a reply is must not decide a property (the soak of
/// a parallel test run failed on it), a stopped actor must not hang one, and CsCheck's model-only copies of a
/// case must not spawn actors.
/// </summary>
public sealed class ActorSubjectSpec : TestKit
{
    public ActorSubjectSpec()
        : base(HoconConfig.Base)
    {
    }

    /// <summary>
    /// The actor's replies are held back for 11 s, longer than the 10 s the subject used to allow an Ask and
    /// than base.conf's 5 s ask-timeout: the operation waits and returns the actor's answer. With the old limit
    /// it threw AskTimeoutException, which a property reports as a failure of the actor.
    /// </summary>
    [Fact]
    public async Task A_reply_that_comes_after_eleven_seconds_is_still_the_operations_result()
    {
        IActorRef held = Sys.ActorOf(Props.Create(() => new HeldLru(2)));
        var subject = new ActorSubject(() => held, traceOrder: false);

        Task<string> set = Task.Run(() => subject.Set(1, 7));
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(11), held, HeldLru.Release.Instance, ActorRefs.NoSender);

        Assert.Equal("Set(1,7)", await set.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal("TryGet(1)=7", await Task.Run(() => subject.TryGet(1)));
    }

    [Fact]
    public async Task An_operation_on_an_actor_that_stopped_fails_at_once_instead_of_hanging()
    {
        IActorRef lru = Sys.ActorOf(LruActor<int, int>.Props(2));
        var subject = new ActorSubject(() => lru, traceOrder: false);
        Assert.Equal("Set(1,7)", await Task.Run(() => subject.Set(1, 7)));
        await lru.GracefulStop(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Task.Run(() => subject.TryGet(1)).WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("stopped before it replied", error.Message);
    }

    [Fact]
    public async Task The_actor_is_spawned_by_the_first_operation_and_only_once()
    {
        int spawns = 0;
        var subject = new ActorSubject(
            () =>
            {
                Interlocked.Increment(ref spawns);
                return Sys.ActorOf(LruActor<int, int>.Props(2));
            },
            traceOrder: false);
        Assert.False(subject.Spawned);
        Assert.Equal(0, spawns);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(key => Task.Run(() => subject.Set(key, key))));
        Assert.Equal(2, subject.FinalState().Count); // capacity 2: four concurrent first operations reached one actor
        Assert.True(subject.Spawned);
        Assert.Equal(1, spawns);
    }

    /// <summary>An LRU actor behind a gate: it stashes every request until <see cref="Release"/>, then forwards them all and every later one.</summary>
    private sealed class HeldLru : ReceiveActor, IWithUnboundedStash
    {
        public HeldLru(int capacity)
        {
            IActorRef lru = Context.ActorOf(LruActor<int, int>.Props(capacity));
            Receive<Release>(_ =>
            {
                Stash.UnstashAll();
                Become(() => ReceiveAny(request => lru.Forward(request)));
            });
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;

        public sealed record Release
        {
            public static readonly Release Instance = new();
        }
    }
}
