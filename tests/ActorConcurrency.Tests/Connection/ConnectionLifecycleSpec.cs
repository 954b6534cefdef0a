using ActorConcurrency.SharedState.Connection;
using static ActorConcurrency.Demonstrations.Connection.ConnectionLifecycleExperiment;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Connection;

/// <summary>Task 18, shared-memory forms: <see cref="LockedConnection"/> and <see cref="CasConnection"/> under concurrent requests.</summary>
public sealed class ConnectionLifecycleSpec
{
    private const int Requesters = 4;
    private const int RequestsEach = 50;

    public static TheoryData<string> Forms => ["lock", "cas"];

    private static IConnectionLifecycle Create(string form, Action<TransitionOutcome>? onTransition = null) => form switch
    {
        "lock" => new LockedConnection(onTransition),
        "cas" => new CasConnection(),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Concurrent_requests_form_a_legal_path_and_readers_only_see_the_five_states(string form)
    {
        for (int repetition = 0; repetition < StressConfig.Repetitions; repetition++)
        {
            IConnectionLifecycle connection = Create(form);
            var logs = new List<TransitionOutcome>[Requesters];
            int invalidReads = 0;
            using var start = new Barrier(Requesters + 1);
            using var writersDone = new CountdownEvent(Requesters);

            var reader = new Thread(() =>
            {
                start.SignalAndWait();
                while (!writersDone.IsSet)
                {
                    if (!Enum.IsDefined(connection.State))
                    {
                        Interlocked.Increment(ref invalidReads);
                    }
                }
            });
            var writers = Enumerable.Range(0, Requesters).Select(index => new Thread(() =>
            {
                var random = new Random(repetition * Requesters + index);
                var log = logs[index] = new List<TransitionOutcome>(RequestsEach);
                start.SignalAndWait();
                for (int i = 0; i < RequestsEach; i++)
                {
                    log.Add(connection.Request(RandomRequest(random)));
                }

                writersDone.Signal();
            })).ToArray();

            foreach (Thread writer in writers)
            {
                writer.Start();
            }

            reader.Start();
            foreach (Thread writer in writers)
            {
                writer.Join();
            }

            reader.Join();

            TransitionOutcome[] all = logs.SelectMany(l => l).ToArray();
            Assert.Null(TransitionLog.Problem(all, connection.State));
            Assert.Equal(all.Count(o => o.Accepted), connection.Transitions);
            Assert.Equal(0, invalidReads);
            Assert.All(all.Where(o => !o.Accepted), o => Assert.NotEqual(ConnectionLifecycle.EdgeOf(o.Request).From, o.Observed));
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Of_two_racing_connects_exactly_one_wins_and_the_other_sees_Connecting(string form)
    {
        for (int repetition = 0; repetition < StressConfig.Repetitions; repetition++)
        {
            IConnectionLifecycle connection = Create(form);
            var outcomes = new TransitionOutcome[2];
            using var start = new Barrier(2);
            Thread[] racers = Enumerable.Range(0, 2).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                outcomes[i] = connection.Request(ConnectionRequest.Connect);
            })).ToArray();
            foreach (Thread racer in racers)
            {
                racer.Start();
            }

            foreach (Thread racer in racers)
            {
                racer.Join();
            }

            Assert.Single(outcomes, o => o.Accepted);
            TransitionOutcome loser = Assert.Single(outcomes, o => !o.Accepted);
            Assert.Equal(ConnectionState.Connecting, loser.Observed);
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_rejection_carries_the_state_it_observed(string form)
    {
        IConnectionLifecycle connection = Create(form);
        Assert.Equal(TransitionOutcome.Reject(ConnectionRequest.ConnectSucceeded, ConnectionState.Idle), connection.Request(ConnectionRequest.ConnectSucceeded));
        Assert.True(connection.Request(ConnectionRequest.Connect).Accepted);
        Assert.Equal(TransitionOutcome.Reject(ConnectionRequest.Close, ConnectionState.Connecting), connection.Request(ConnectionRequest.Close));
        Assert.Equal(TransitionOutcome.Accept(ConnectionRequest.ConnectSucceeded, ConnectionState.Connecting, ConnectionState.Connected, 2), connection.Request(ConnectionRequest.ConnectSucceeded));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Closed_is_final(string form)
    {
        IConnectionLifecycle connection = Create(form);
        Assert.True(connection.Request(ConnectionRequest.Close).Accepted);
        Assert.All(ConnectionLifecycle.Requests, r => Assert.Equal(TransitionOutcome.Reject(r, ConnectionState.Closed), connection.Request(r)));
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(1, connection.Transitions);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void An_undefined_request_is_rejected_with_its_parameter_name(string form)
    {
        IConnectionLifecycle connection = Create(form);
        Assert.Equal("request", Assert.Throws<ArgumentOutOfRangeException>(() => connection.Request((ConnectionRequest)42)).ParamName);
        Assert.Equal(ConnectionState.Idle, connection.State);
    }

    [Fact]
    public void The_lock_forms_transition_callback_sees_every_transition_once_and_in_order()
    {
        var seen = new List<TransitionOutcome>();
        var connection = new LockedConnection(seen.Add); // runs under the connection's lock: List needs no lock of its own
        using var start = new Barrier(Requesters);
        Thread[] writers = Enumerable.Range(0, Requesters).Select(index => new Thread(() =>
        {
            var random = new Random(index);
            start.SignalAndWait();
            for (int i = 0; i < RequestsEach; i++)
            {
                connection.Request(RandomRequest(random));
            }
        })).ToArray();
        foreach (Thread writer in writers)
        {
            writer.Start();
        }

        foreach (Thread writer in writers)
        {
            writer.Join();
        }

        Assert.Equal(Enumerable.Range(1, (int)connection.Transitions).Select(i => (long)i), seen.Select(o => o.Sequence));
        Assert.Null(TransitionLog.Problem(seen, connection.State));
    }

    [Fact]
    public void The_cas_word_reserves_enough_bits_for_every_state()
    {
        Assert.All(ConnectionLifecycle.States, s => Assert.True((int)s < 1 << CasConnection.StateBits));
    }
}
