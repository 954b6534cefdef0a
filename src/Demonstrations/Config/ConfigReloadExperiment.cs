using ActorConcurrency.Actors.ConfigReload;
using ActorConcurrency.SharedState.Config;
using Akka.Actor;

namespace ActorConcurrency.Demonstrations.ConfigReload;

/// <summary>
/// Task 6: config hot-reload. Writers reload continuously while readers check every config they read; the same
/// workload runs against the immutable record behind one reference and against a mutable holder rewritten field by
/// field. Then bad reloads are refused, and the config owner actor pushes every version to subscribers, which check
/// they arrive in order.
/// </summary>
public static class ConfigReloadExperiment
{
    private const int Subscribers = 3;
    private const int Operators = 2;
    private const int OwnerReloadCount = 200;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the three parts and returns what each measured.</summary>
    public static async Task<ConfigReloadResult> RunAsync(ConfigReloadSettings settings, ActorSystem system, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var service = new ConfigService(Config.ForVersion(1));
        var torn = new TornConfigHolder(Config.ForVersion(1));
        ReloadRun record = Measure(settings, next => service.Reload(next), service.Current, cancellationToken);
        ReloadRun fieldByField = Measure(settings, next => { torn.Reload(next); return true; }, torn.Read, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        // Bad input: each reload is refused with an exception, and the config in force does not change.
        long before = service.Current().Version;
        string nullError = Refusal(() => service.Reload(null!));
        string invalidError = Refusal(() => service.Reload(Config.ForVersion(before + 1) with { QueueCapacity = 1 }));
        var refusals = new ReloadRefusals(nullError, invalidError, before, service.Current().Version);

        OwnerReloads owner = await RunOwnerAsync(system, cancellationToken).ConfigureAwait(false);
        return new ConfigReloadResult(ConfigReloadSettings.Writers, settings.Readers, settings.Reloads, record, fieldByField, refusals, owner);
    }

    private static ReloadRun Measure(ConfigReloadSettings settings, Func<Config, bool> reload, Func<Config> read, CancellationToken cancellationToken)
    {
        const int writers = ConfigReloadSettings.Writers;
        long nextVersion = 1, applied = 0, stale = 0, reads = 0, inconsistent = 0, regressions = 0;
        int writersLeft = writers;
        using var start = new Barrier(writers + settings.Readers);
        var threads = new List<Thread>();
        for (int w = 0; w < writers; w++)
        {
            threads.Add(new Thread(() =>
            {
                start.SignalAndWait();
                for (int i = 0; i < settings.Reloads && !cancellationToken.IsCancellationRequested; i++)
                {
                    bool ok = reload(Config.ForVersion(Interlocked.Increment(ref nextVersion)));
                    Interlocked.Increment(ref ok ? ref applied : ref stale);
                }

                Interlocked.Decrement(ref writersLeft);
            }));
        }

        for (int r = 0; r < settings.Readers; r++)
        {
            threads.Add(new Thread(() =>
            {
                start.SignalAndWait();
                long myReads = 0, myInconsistent = 0, myRegressions = 0, lastSeen = 0;
                while (Volatile.Read(ref writersLeft) > 0)
                {
                    Config config = read();
                    myReads++;
                    myInconsistent += config.Validate() is null ? 0 : 1;
                    myRegressions += config.Version < lastSeen ? 1 : 0;
                    lastSeen = Math.Max(lastSeen, config.Version);
                }

                Interlocked.Add(ref reads, myReads);
                Interlocked.Add(ref inconsistent, myInconsistent);
                Interlocked.Add(ref regressions, myRegressions);
            }));
        }

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return new ReloadRun(reads, inconsistent, regressions, applied, stale);
    }

    private static async Task<OwnerReloads> RunOwnerAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        IActorRef owner = system.ActorOf(ConfigOwnerActor.Props(Config.ForVersion(1)));
        var inboxes = Enumerable.Range(0, Subscribers).Select(_ => Inbox.Create(system)).ToArray();
        try
        {
            foreach (Inbox inbox in inboxes)
            {
                owner.Tell(new ConfigProtocol.Subscribe(inbox.Receiver));
            }

            // Operators race: versions come from one counter, so some reloads arrive after a newer one.
            long version = 1;
            int rejected = 0;
            await Task.WhenAll(Enumerable.Range(0, Operators).Select(_ => Task.Run(async () =>
            {
                for (int i = 0; i < OwnerReloadCount / Operators; i++)
                {
                    object reply = await owner.Ask<object>(
                        new ConfigProtocol.Reload(Config.ForVersion(Interlocked.Increment(ref version))), AskTimeout, cancellationToken).ConfigureAwait(false);
                    if (reply is ConfigProtocol.ReloadRejected)
                    {
                        Interlocked.Increment(ref rejected);
                    }
                }
            }, cancellationToken))).ConfigureAwait(false);

            var current = await owner.Ask<ConfigProtocol.CurrentConfig>(ConfigProtocol.GetCurrent.Instance, AskTimeout, cancellationToken).ConfigureAwait(false);
            long last = current.Config.Version;
            int ordered = 0, received = 0;
            foreach (Inbox inbox in inboxes)
            {
                // Read until the last version arrives: each subscriber must get it, after all the earlier ones.
                long previous = 0;
                bool inOrder = true;
                while (previous != last)
                {
                    var changed = (ConfigProtocol.ConfigChanged)await inbox.ReceiveAsync(AskTimeout).ConfigureAwait(false);
                    inOrder &= changed.Config.Version > previous;
                    previous = changed.Config.Version;
                    received++;
                }

                ordered += inOrder ? 1 : 0;
            }

            return new OwnerReloads(Operators, OwnerReloadCount, Subscribers, ordered, received, rejected, last);
        }
        finally
        {
            system.Stop(owner);
            foreach (Inbox inbox in inboxes)
            {
                inbox.Dispose();
            }
        }
    }

    private static string Refusal(Action reload)
    {
        try
        {
            reload();
            return "accepted (should have been refused)";
        }
        catch (ArgumentException ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
