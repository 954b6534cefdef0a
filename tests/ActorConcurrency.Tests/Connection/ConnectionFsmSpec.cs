using ActorConcurrency.Actors.Connection;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.SharedState.Connection;
using ActorConcurrency.Tests.Support;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Connection;

/// <summary>Task 18, actor form: <see cref="ConnectionFsm"/>'s replies, transition subscribers and connect timeout.</summary>
public sealed class ConnectionFsmSpec : TestKit
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    /// <summary>Long enough never to fire in a spec that does not wait for it.</summary>
    private static readonly TimeSpan Never = TimeSpan.FromMinutes(10);

    public ConnectionFsmSpec()
        : base(HoconConfig.Base)
    {
    }

    private static Task<ConnectionProtocol.Reply> RequestAsync(IActorRef connection, ConnectionRequest request) =>
        connection.Ask<ConnectionProtocol.Reply>(ConnectionProtocol.TransitionRequest.For(request), Hang);

    [Fact]
    public async Task Every_request_gets_an_acceptance_or_a_rejection_with_the_observed_state()
    {
        IActorRef connection = Sys.ActorOf(ConnectionFsm.Props(Never));

        var rejected = Assert.IsType<ConnectionProtocol.Rejected>(await RequestAsync(connection, ConnectionRequest.Disconnect));
        Assert.Equal(ConnectionState.Idle, rejected.Observed);
        var accepted = Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.Connect));
        Assert.Equal(TransitionOutcome.Accept(ConnectionRequest.Connect, ConnectionState.Idle, ConnectionState.Connecting, 1), accepted.Outcome);
        rejected = Assert.IsType<ConnectionProtocol.Rejected>(await RequestAsync(connection, ConnectionRequest.Connect));
        Assert.Equal(ConnectionState.Connecting, rejected.Observed);
    }

    [Fact]
    public async Task Subscribers_see_each_transition_once_and_in_order()
    {
        IActorRef connection = Sys.ActorOf(ConnectionFsm.Props(Never));
        var subscriber = CreateTestProbe();
        connection.Tell(new FSMBase.SubscribeTransitionCallBack(subscriber.Ref));
        await subscriber.ExpectMsgAsync<FSMBase.CurrentState<ConnectionState>>(s => s.State == ConnectionState.Idle);

        ConnectionRequest[] path =
        [
            ConnectionRequest.Connect, ConnectionRequest.ConnectFailed, ConnectionRequest.Connect,
            ConnectionRequest.Connect, // rejected: no transition, so no notification
            ConnectionRequest.ConnectSucceeded, ConnectionRequest.Disconnect, ConnectionRequest.DisconnectCompleted,
            ConnectionRequest.Close, // rejected: Closed is final
        ];
        foreach (ConnectionRequest request in path)
        {
            connection.Tell(ConnectionProtocol.TransitionRequest.For(request), TestActor);
        }

        (ConnectionState From, ConnectionState To)[] expected =
        [
            (ConnectionState.Idle, ConnectionState.Connecting), (ConnectionState.Connecting, ConnectionState.Idle),
            (ConnectionState.Idle, ConnectionState.Connecting), (ConnectionState.Connecting, ConnectionState.Connected),
            (ConnectionState.Connected, ConnectionState.Disconnecting), (ConnectionState.Disconnecting, ConnectionState.Closed),
        ];
        foreach ((ConnectionState from, ConnectionState to) in expected)
        {
            var transition = await subscriber.ExpectMsgAsync<FSMBase.Transition<ConnectionState>>();
            Assert.Equal((from, to), (transition.From, transition.To));
        }

        // Every request was answered (2 rejections among them), and after the last answer no transition is pending.
        var replies = new List<ConnectionProtocol.Reply>();
        for (int i = 0; i < path.Length; i++)
        {
            replies.Add(await ExpectMsgAsync<ConnectionProtocol.Reply>());
        }

        Assert.Equal(2, replies.OfType<ConnectionProtocol.Rejected>().Count());
        await subscriber.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task The_connect_timeout_takes_Connecting_back_to_Idle()
    {
        IActorRef connection = Sys.ActorOf(ConnectionFsm.Props(TimeSpan.FromMilliseconds(200)));
        var subscriber = CreateTestProbe();
        connection.Tell(new FSMBase.SubscribeTransitionCallBack(subscriber.Ref));
        await subscriber.ExpectMsgAsync<FSMBase.CurrentState<ConnectionState>>();

        Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.Connect));
        await subscriber.ExpectMsgAsync<FSMBase.Transition<ConnectionState>>(t => t.From == ConnectionState.Idle && t.To == ConnectionState.Connecting);
        await subscriber.ExpectMsgAsync<FSMBase.Transition<ConnectionState>>(
            t => t.From == ConnectionState.Connecting && t.To == ConnectionState.Idle, Hang);

        var state = await connection.Ask<ConnectionProtocol.StateIs>(ConnectionProtocol.GetState.Instance, Hang);
        Assert.Equal(new ConnectionProtocol.StateIs(ConnectionState.Idle, 2), state);

        // The timed-out connection is usable again: the timeout took the same edge as ConnectFailed.
        Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.Connect));
    }

    [Fact]
    public async Task A_connect_that_succeeds_in_time_is_not_timed_out_afterwards()
    {
        IActorRef connection = Sys.ActorOf(ConnectionFsm.Props(TimeSpan.FromMilliseconds(200)));
        var subscriber = CreateTestProbe();
        connection.Tell(new FSMBase.SubscribeTransitionCallBack(subscriber.Ref));
        await subscriber.ExpectMsgAsync<FSMBase.CurrentState<ConnectionState>>();

        Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.Connect));
        Assert.IsType<ConnectionProtocol.Accepted>(await RequestAsync(connection, ConnectionRequest.ConnectSucceeded));
        await subscriber.ExpectMsgAsync<FSMBase.Transition<ConnectionState>>(t => t.To == ConnectionState.Connecting);
        await subscriber.ExpectMsgAsync<FSMBase.Transition<ConnectionState>>(t => t.To == ConnectionState.Connected);

        // Several timeout periods: a stale timeout would show up here as Connected -> Idle (an illegal edge).
        await subscriber.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(600));
    }

    [Fact]
    public async Task Concurrent_requests_form_a_legal_path()
    {
        int repetitions = Math.Min(StressConfig.Repetitions, 10);
        for (int repetition = 0; repetition < repetitions; repetition++)
        {
            IActorRef connection = Sys.ActorOf(ConnectionFsm.Props(Never));
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<List<TransitionOutcome>>[] requesters = Enumerable.Range(0, 4).Select(index => Task.Run(async () =>
            {
                var random = new Random(repetition * 4 + index);
                var log = new List<TransitionOutcome>();
                await start.Task;
                for (int i = 0; i < 25; i++)
                {
                    var request = (ConnectionRequest)random.Next(ConnectionLifecycle.Requests.Count);
                    log.Add((await RequestAsync(connection, request)).Outcome);
                }

                return log;
            })).ToArray();
            start.SetResult();

            TransitionOutcome[] all = (await Task.WhenAll(requesters)).SelectMany(l => l).ToArray();
            var state = await connection.Ask<ConnectionProtocol.StateIs>(ConnectionProtocol.GetState.Instance, Hang);
            Assert.Null(TransitionLog.Problem(all, state.State));
            Assert.Equal(all.Count(o => o.Accepted), state.Transitions);
            Sys.Stop(connection);
        }
    }

    [Fact]
    public void A_non_positive_connect_timeout_or_an_undefined_request_is_rejected()
    {
        Assert.Equal("connectTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => ConnectionFsm.Props(TimeSpan.Zero)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentOutOfRangeException>(() => ConnectionProtocol.TransitionRequest.For((ConnectionRequest)9)).ParamName);
    }
}
