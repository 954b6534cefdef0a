using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorConcurrency.Actors.Hosting;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// One node of the sharded-counter cluster: an actor system on 127.0.0.1, a member of the cluster (itself
/// alone, or the seeds'), and a ready <c>counter</c> shard region. <see cref="StartAsync"/> returns only when
/// load can be sent without loss: the member is Up and the region answered a first message end to end
/// (coordinator registered, shard allocated, entity recovered from the journal). Every way it can fail
/// becomes a <see cref="NodeStartException"/> with a one-line message, after a bounded wait.
/// </summary>
public sealed class ShardedCounterNode : IAsyncDisposable
{
    /// <summary>The sharding type name of the counter entities.</summary>
    public const string TypeName = "counter";

    /// <summary>The key the readiness probe reads (never written).</summary>
    public const string ReadinessKey = "_ready";

    private ShardedCounterNode(ActorSystem system, IActorRef region, string journalDescription, string? sqliteFile)
    {
        System = system;
        Region = region;
        JournalDescription = journalDescription;
        SqliteFile = sqliteFile;
    }

    /// <summary>The node's actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The shard region of the counters: send <see cref="ShardedCounterProtocol"/> messages here.</summary>
    public IActorRef Region { get; }

    /// <summary>The node's address, with the port the system bound.</summary>
    public Address Address => Cluster.Get(System).SelfAddress;

    /// <summary>Where the journal is (a file, or a server without its password).</summary>
    public string JournalDescription { get; }

    /// <summary>The SQLite journal's file, or null on another journal.</summary>
    public string? SqliteFile { get; }

    /// <summary>Starts a node and waits until it is Up and its region is ready.</summary>
    /// <exception cref="NodeStartException">The node could not start; the message says why in one line.</exception>
    public static async Task<ShardedCounterNode> StartAsync(ShardedCounterNodeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Address[] seeds = ParseSeeds(options);
        ThrowIfPortTaken(options);
        string? sqliteFile = options is { Journal: JournalKind.Sqlite, DataFolder: { Length: > 0 } folder }
            ? JournalConnectionStrings.SqliteFile(folder)
            : null;
        bool journalExisted = sqliteFile is null || File.Exists(sqliteFile);
        try
        {
            return await StartOnJournalAsync(options, seeds, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (sqliteFile is not null)
        {
            JournalPreflight.RemoveIfCreatedHere(sqliteFile, journalExisted);
            throw;
        }
    }

    private static async Task<ShardedCounterNode> StartOnJournalAsync(ShardedCounterNodeOptions options, Address[] seeds, CancellationToken cancellationToken)
    {
        JournalPlan journal = await JournalPreflight.OpenAsync(options, cancellationToken).ConfigureAwait(false);
        Config config = NodeConfig.Build(options, journal);

        ActorSystem system;
        try
        {
            system = ActorSystem.Create(options.SystemName, config);
        }
        catch (Exception ex) when (IsPortInUse(ex))
        {
            throw new NodeStartException(NodeStartFailure.PortInUse, $"port {options.Port} on {options.Hostname} is already in use", ex);
        }
        catch (Exception ex)
        {
            throw new NodeStartException(NodeStartFailure.TransportFailed, $"the node could not listen on {options.Hostname}:{options.Port}: {NodeStartException.Innermost(ex).Message}", ex);
        }

        try
        {
            // Loads the persistence extension now, which starts the journal and snapshot store named in
            // auto-start-journals / auto-start-snapshot-stores: they open their connections (and, on a new database,
            // create the tables) as the node starts, never in the middle of a fail-over.
            _ = Akka.Persistence.Persistence.Instance.Apply(system);
            Task joined = JoinAsync(system, seeds, options.JoinTimeout, cancellationToken);
            if (options.AwaitReadiness)
            {
                await joined.ConfigureAwait(false);
            }
            else
            {
                // The caller chose not to wait; the join still completes in the background (its timeout is observed).
                _ = joined.ContinueWith(t => t.Exception, TaskScheduler.Default);
            }

            // The hand-off stop message is a command of the entity's own, not the default PoisonPill: a
            // PoisonPill would stop an entity with a Persist in flight and drop the Adds stashed behind it,
            // unacknowledged and uncounted, each time a shard moves to a joining node.
            var sharding = ClusterSharding.Get(system);
            var settings = ClusterShardingSettings.Create(system);
            IActorRef region = await sharding.StartAsync(
                TypeName,
                CounterEntity.Props,
                settings,
                new CounterMessageExtractor(),
                sharding.DefaultShardAllocationStrategy(settings),
                ShardedCounterProtocol.HandOffStop.Instance).ConfigureAwait(false);
            if (options.AwaitReadiness)
            {
                await WaitUntilReadyAsync(region, options.ReadyTimeout, cancellationToken).ConfigureAwait(false);
            }

            return new ShardedCounterNode(system, region, journal.Description, journal.SqliteFile);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Testing only (<see cref="ShardedCounterNodeOptions.FaultInjection"/>): drops every message between this node and
    /// the node at <paramref name="hostPort"/> in <paramref name="direction"/>, as a network partition would, while both
    /// keep running; <see cref="PartitionDirection.None"/> heals the link. The rule lives in this node's transport and
    /// ends with it. False when the transport refused it.
    /// </summary>
    public Task<bool> CutOffAsync(string hostPort, PartitionDirection direction)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostPort);
        string[] parts = hostPort.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int port))
        {
            throw new ArgumentException($"'{hostPort}' is not host:port", nameof(hostPort));
        }

        var peer = new Address(Address.Protocol, System.Name, parts[0], port);
        Akka.Remote.Transport.ThrottleMode mode = direction == PartitionDirection.None
            ? Akka.Remote.Transport.Unthrottled.Instance
            : Akka.Remote.Transport.Blackhole.Instance;
        Akka.Remote.Transport.ThrottleTransportAdapter.Direction way = direction switch
        {
            PartitionDirection.Send => Akka.Remote.Transport.ThrottleTransportAdapter.Direction.Send,
            PartitionDirection.Receive => Akka.Remote.Transport.ThrottleTransportAdapter.Direction.Receive,
            _ => Akka.Remote.Transport.ThrottleTransportAdapter.Direction.Both,
        };
        var remote = (Akka.Remote.IRemoteActorRefProvider)((ExtendedActorSystem)System).Provider;
        return remote.Transport.ManagementCommand(new Akka.Remote.Transport.SetThrottle(peer, way, mode));
    }

    /// <summary>Leaves the cluster gracefully (shards hand off) and terminates the system: CoordinatedShutdown.</summary>
    public Task ShutdownAsync() => CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClrExitReason.Instance);

    /// <summary>
    /// Stops the node as a crash would, seen from the other nodes: no leave, no hand-off; they notice it
    /// unreachable and the split-brain resolver downs it. (The node must have been started with
    /// <c>akka.coordinated-shutdown.run-by-actor-system-terminate = off</c>, see <see cref="CrashableOverrides"/>.)
    /// </summary>
    public Task CrashAsync() => System.Terminate();

    /// <summary>HOCON that lets <see cref="CrashAsync"/> stop a node without it leaving the cluster.</summary>
    public static Config CrashableOverrides { get; } = new HoconWriter()
        .Set("akka.coordinated-shutdown.run-by-actor-system-terminate", false)
        .ToConfig();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!System.WhenTerminated.IsCompleted)
        {
            await ShutdownAsync().ConfigureAwait(false);
        }

        await System.WhenTerminated.ConfigureAwait(false);
    }

    private static Address[] ParseSeeds(ShardedCounterNodeOptions options) =>
        options.Seeds.Select(seed =>
        {
            string text = seed.Contains("://", StringComparison.Ordinal) ? seed : $"{Protocol(options)}://{options.SystemName}@{seed}";
            try
            {
                Address address = Address.Parse(text);
                if (address.Port is null or <= 0 || address.Host is null)
                {
                    throw new UriFormatException("no host or port");
                }

                return address;
            }
            catch (Exception ex) when (ex is UriFormatException or ArgumentException or FormatException)
            {
                throw new NodeStartException(NodeStartFailure.BadSeed, $"seed '{seed}' is not host:port nor {Protocol(options)}://{options.SystemName}@host:port", ex);
            }
        }).ToArray();

    /// <summary>The address protocol: the throttler adapter's when fault injection is on.</summary>
    private static string Protocol(ShardedCounterNodeOptions options) => options.FaultInjection ? "akka.trttl.tcp" : "akka.tcp";

    private static async Task JoinAsync(ActorSystem system, Address[] seeds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        if (seeds.Length == 0)
        {
            cluster.Join(cluster.SelfAddress); // a single-node cluster: its own seed
        }
        else
        {
            cluster.JoinSeedNodes(seeds);
        }

        try
        {
            await up.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            string where = seeds.Length == 0 ? "itself" : string.Join(", ", seeds.Select(s => $"{s.Host}:{s.Port}"));
            throw new NodeStartException(NodeStartFailure.JoinTimedOut, $"could not join the cluster at {where} within {timeout.TotalSeconds:0.#} s (is the seed node running?)", ex);
        }
    }

    private static async Task WaitUntilReadyAsync(IActorRef region, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The region buffers this message until the coordinator has allocated its shard; the reply proves
        // the whole path works, from the region to an entity that recovered from the journal. One attempt can
        // be lost for good (its shard was on a node that died before answering), so it is asked again every
        // few seconds until the deadline.
        var deadline = DateTime.UtcNow + timeout;
        TimeSpan attempt = TimeSpan.FromSeconds(Math.Min(3, timeout.TotalSeconds));
        while (true)
        {
            try
            {
                await region.Ask<ShardedCounterProtocol.Count>(new ShardedCounterProtocol.GetCount(ReadinessKey), attempt, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (AskTimeoutException ex) when (DateTime.UtcNow + attempt > deadline)
            {
                throw new NodeStartException(NodeStartFailure.RegionNotReady, $"the counter region did not become ready within {timeout.TotalSeconds:0.#} s (journal or coordinator unavailable)", ex);
            }
            catch (AskTimeoutException)
            {
                // Not yet: ask again.
            }
        }
    }

    /// <summary>
    /// A named port that another process holds is refused here, before remoting logs its own start-up
    /// failure. (A port taken between this check and the bind is still caught from ActorSystem.Create.)
    /// </summary>
    private static void ThrowIfPortTaken(ShardedCounterNodeOptions options)
    {
        if (options.Port == 0 || !IPAddress.TryParse(options.Hostname, out IPAddress? address))
        {
            return;
        }

        try
        {
            var listener = new TcpListener(address, options.Port) { ExclusiveAddressUse = true };
            listener.Start();
            listener.Stop();
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new NodeStartException(NodeStartFailure.PortInUse, $"port {options.Port} on {options.Hostname} is already in use", ex);
        }
        catch (SocketException ex)
        {
            throw new NodeStartException(NodeStartFailure.TransportFailed, $"cannot listen on {options.Hostname}:{options.Port}: {ex.Message}", ex);
        }
    }

    private static bool IsPortInUse(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
