using ActorConcurrency.Actors.Connection;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.SharedState.Connection;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Connection;

/// <summary>
/// Task 18: the FSM's connect deadline, on a virtual clock. The actor system runs on Akka.TestKit's
/// <see cref="TestScheduler"/>, so the spec moves time itself with <see cref="TestScheduler.Advance"/>:
/// no sleeping, no wall-clock bound. Akka re-arms a state timeout on every message the state handles; these
/// specs show that requests arriving while Connecting do not postpone the deadline set on entering it.
/// </summary>
public sealed class ConnectionFsmDeadlineSpec : TestKit
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    public ConnectionFsmDeadlineSpec()
        : base(ConfigurationFactory.ParseString("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"")
            .WithFallback(HoconConfig.Base))
    {
    }

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    /// <summary>The test scheduler's virtual time as the FSM's clock (its MonotonicClock is real time).</summary>
    private Func<TimeSpan> VirtualClock => () => TimeSpan.FromTicks(Clock.Now.UtcTicks);

    private Task<ConnectionProtocol.Reply> RequestAsync(IActorRef connection, ConnectionRequest request) =>
        connection.Ask<ConnectionProtocol.Reply>(ConnectionProtocol.TransitionRequest.For(request), Hang);

    private async Task<ConnectionState> StateAsync(IActorRef connection) =>
        (await connection.Ask<ConnectionProtocol.StateIs>(ConnectionProtocol.GetState.Instance, Hang)).State;

    [Fact]
    public async Task Requests_while_Connecting_do_not_postpone_the_connect_timeout()
    {
        IActorRef connection = Sys.ActorOf(ConnectionFsm.Props(ConnectTimeout, VirtualClock));
        Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.Connect));

        Clock.Advance(TimeSpan.FromMilliseconds(600));
        var rejected = Assert.IsType<ConnectionProtocol.Rejected>(await RequestAsync(connection, ConnectionRequest.Connect));
        Assert.Equal(ConnectionState.Connecting, rejected.Observed);
        Assert.Equal(ConnectionState.Connecting, await StateAsync(connection)); // a query is a message too

        // 1000 ms after entering Connecting; a re-armed timeout would wait until 600 + 1000 ms.
        Clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(ConnectionState.Idle, await StateAsync(connection));
    }

    [Fact]
    public async Task The_timeout_does_not_fire_before_the_deadline()
    {
        IActorRef connection = Sys.ActorOf(ConnectionFsm.Props(ConnectTimeout, VirtualClock));
        Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.Connect));

        Clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(ConnectionState.Connecting, await StateAsync(connection));
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(ConnectionState.Idle, await StateAsync(connection));
    }

    [Fact]
    public async Task Each_connect_attempt_gets_its_own_deadline()
    {
        IActorRef connection = Sys.ActorOf(ConnectionFsm.Props(ConnectTimeout, VirtualClock));
        Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.Connect));
        Clock.Advance(TimeSpan.FromMilliseconds(800));
        Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.ConnectFailed));
        Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.Connect));

        // The first attempt's deadline (1000 ms) passes: it must not fail the second attempt (deadline 1800 ms).
        Clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(ConnectionState.Connecting, await StateAsync(connection));
        Clock.Advance(TimeSpan.FromMilliseconds(700));
        Assert.Equal(ConnectionState.Idle, await StateAsync(connection));
    }

    [Fact]
    public async Task After_many_short_attempts_the_last_one_still_times_out_exactly_at_its_own_deadline()
    {
        IActorRef connection = Sys.ActorOf(ConnectionFsm.Props(ConnectTimeout, VirtualClock));
        for (int attempt = 0; attempt < 50; attempt++)
        {
            Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.Connect));
            Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.ConnectFailed));
            Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        // The last attempt starts at 500 ms; the timer armed by the first (due at 1000 ms) finds it under way.
        Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.Connect));
        Clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(ConnectionState.Connecting, await StateAsync(connection));
        Clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(ConnectionState.Connecting, await StateAsync(connection));
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(ConnectionState.Idle, await StateAsync(connection));
    }
}
