using ActorConcurrency.Actors.Connection;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.SharedState.Connection;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using CsCheck;

namespace ActorConcurrency.Tests.Connection;

/// <summary>
/// Task 18: CsCheck properties. Over random request sequences each form gives, request by request, the
/// outcome the <see cref="SequentialConnectionModel"/> gives; and (lock, CAS) random requests run in parallel
/// end in a state some sequential order of the same requests reaches (linearizability, CsCheck's SampleParallel).
/// </summary>
public sealed class ConnectionPropertySpec : TestKit
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    /// <summary>Random request sequences; CsCheck shrinks a failure to the shortest sequence that still fails.</summary>
    private static readonly Gen<ConnectionRequest[]> Sequences = Gen.Enum<ConnectionRequest>().Array[0, 30];

    public ConnectionPropertySpec()
        : base(HoconConfig.Base)
    {
    }

    private static TransitionOutcome[] ModelOutcomes(ConnectionRequest[] requests)
    {
        var model = new SequentialConnectionModel();
        return requests.Select(model.Request).ToArray();
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("cas")]
    public void Each_shared_memory_form_agrees_with_the_model_request_by_request(string form)
    {
        Sequences.Sample(
            requests =>
            {
                IConnectionLifecycle connection = form == "lock" ? new LockedConnection() : new CasConnection();
                TransitionOutcome[] actual = requests.Select(connection.Request).ToArray();
                TransitionOutcome[] expected = ModelOutcomes(requests);
                return actual.SequenceEqual(expected)
                    && connection.State == (expected.LastOrDefault(o => o.Accepted) is { Accepted: true } last ? last.To : ConnectionState.Idle)
                    && connection.Transitions == expected.Count(o => o.Accepted);
            },
            iter: 2_000,
            print: requests => string.Join(", ", requests));
    }

    [Fact]
    public async Task The_fsm_actor_agrees_with_the_model_request_by_request()
    {
        await Sequences.SampleAsync(
            async requests =>
            {
                IActorRef connection = Sys.ActorOf(ConnectionFsm.Props(TimeSpan.FromMinutes(10)));
                try
                {
                    var actual = new List<TransitionOutcome>(requests.Length);
                    foreach (ConnectionRequest request in requests)
                    {
                        var reply = await connection.Ask<ConnectionProtocol.Reply>(ConnectionProtocol.TransitionRequest.For(request), Hang);
                        actual.Add(reply.Outcome);
                    }

                    var state = await connection.Ask<ConnectionProtocol.StateIs>(ConnectionProtocol.GetState.Instance, Hang);
                    TransitionOutcome[] expected = ModelOutcomes(requests);
                    var model = new SequentialConnectionModel();
                    foreach (ConnectionRequest request in requests)
                    {
                        model.Request(request);
                    }

                    return actual.SequenceEqual(expected) && state == new ConnectionProtocol.StateIs(model.State, model.Transitions);
                }
                finally
                {
                    Sys.Stop(connection);
                }
            },
            iter: 100,
            print: requests => string.Join(", ", requests));
    }

    [Theory]
    [InlineData("lock")]
    [InlineData("cas")]
    public void Parallel_requests_are_linearizable(string form)
    {
        GenOperation<IConnectionLifecycle, SequentialConnectionModel> request = Gen.Enum<ConnectionRequest>()
            .Operation<IConnectionLifecycle, SequentialConnectionModel>(
                r => r.ToString(),
                (connection, r) => connection.Request(r),
                (model, r) => model.Request(r));

        Gen.Const(() => ((IConnectionLifecycle)(form == "lock" ? new LockedConnection() : new CasConnection()), new SequentialConnectionModel()))
            .SampleParallel(
                request,
                equal: (connection, model) => connection.State == model.State && connection.Transitions == model.Transitions,
                iter: 300,
                printActual: c => $"{c.State} after {c.Transitions} transitions");
    }
}
