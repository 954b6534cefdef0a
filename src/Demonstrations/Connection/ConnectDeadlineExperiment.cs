using System.Diagnostics;
using ActorConcurrency.Actors.Connection;
using ActorConcurrency.SharedState.Connection;
using Akka.Actor;

namespace ActorConcurrency.Demonstrations.Connection;

/// <summary>
/// Task 18's second section: the FSM's connect timeout (a named timer set on entering Connecting) fires on time even
/// though rejected requests arrive while it is Connecting; a plain state timeout would be re-armed by each of them.
/// </summary>
public static class ConnectDeadlineExperiment
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    /// <summary>Connects, sends two rejected requests, and waits for the subscriber to see Connecting → Idle.</summary>
    public static async Task<ConnectDeadline> RunAsync(ConnectionSettings settings, ActorSystem system, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return await ShowConnectTimeoutAsync(system, settings.ConnectTimeout, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Connects, then sends rejected requests (Connect again) at 45% and 90% of the timeout, and
    /// waits for a subscriber to see Connecting → Idle; <paramref name="cancellation"/> (Ctrl+C) ends every wait.
    /// </summary>
    private static async Task<ConnectDeadline> ShowConnectTimeoutAsync(
        ActorSystem system, TimeSpan connectTimeout, CancellationToken cancellation)
    {
        IActorRef connection = system.ActorOf(ConnectionFsm.Props(connectTimeout));
        Inbox subscriber = Inbox.Create(system);
        try
        {
            connection.Tell(new FSMBase.SubscribeTransitionCallBack(subscriber.Receiver));
            await subscriber.ReceiveAsync(Hang).WaitAsync(cancellation).ConfigureAwait(false); // CurrentState(Idle)

            var watch = Stopwatch.StartNew();
            await connection.Ask<ConnectionProtocol.Accepted>(ConnectionProtocol.TransitionRequest.For(ConnectionRequest.Connect), Hang, cancellation).ConfigureAwait(false);
            int rejected = 0;
            for (int i = 1; i <= 2; i++)
            {
                // Demo pacing only: requests arriving while Connecting, the last at 90% of the deadline.
                await Task.Delay(connectTimeout * (ConnectDeadline.LastRejectedAt / 2), cancellation).ConfigureAwait(false);
                var reply = await connection.Ask<ConnectionProtocol.Reply>(ConnectionProtocol.TransitionRequest.For(ConnectionRequest.Connect), Hang, cancellation).ConfigureAwait(false);
                rejected += reply is ConnectionProtocol.Rejected { Observed: ConnectionState.Connecting } ? 1 : 0;
            }

            var seen = new List<string>();
            while (true)
            {
                if (await subscriber.ReceiveAsync(Hang).WaitAsync(cancellation).ConfigureAwait(false) is FSMBase.Transition<ConnectionState> transition)
                {
                    seen.Add($"{transition.From} → {transition.To}");
                    if (transition is { From: ConnectionState.Connecting, To: ConnectionState.Idle })
                    {
                        return new ConnectDeadline(connectTimeout.TotalMilliseconds, TimedOut: true, watch.Elapsed.TotalMilliseconds, rejected, seen);
                    }
                }
            }
        }
        catch (TimeoutException)
        {
            return new ConnectDeadline(connectTimeout.TotalMilliseconds, TimedOut: false, Hang.TotalMilliseconds, 0, []);
        }
        finally
        {
            system.Stop(connection);
            subscriber.Dispose();
        }
    }
}
