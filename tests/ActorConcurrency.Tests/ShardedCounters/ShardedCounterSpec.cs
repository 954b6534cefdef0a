using ActorConcurrency.Actors.ShardedCounters;
using Akka.Actor;
using Akka.Cluster;
using Xunit.Abstractions;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// Task 19 on Akka.Cluster.Sharding: a single-node cluster on 127.0.0.1 (system-chosen port) with the SQLite
/// journal; the node is Up and the region ready before any load; totals are exact and monotonic for one client.
/// </summary>
public sealed class ShardedCounterSpec : IAsyncLifetime
{
    private static readonly string[] Keys = Enumerable.Range(0, 8).Select(i => $"k{i}").ToArray();
    private readonly ITestOutputHelper _output;
    private readonly TempDataFolder _data = new();
    private ShardedCounterNode _node = null!;

    public ShardedCounterSpec(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() =>
        _node = await ShardedCounterNode.StartAsync(new ShardedCounterNodeOptions { DataFolder = _data.Path });

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public void The_node_is_up_on_loopback_on_the_port_the_system_chose()
    {
        Member self = Cluster.Get(_node.System).SelfMember;
        Assert.Equal(MemberStatus.Up, self.Status);
        Assert.Equal("127.0.0.1", _node.Address.Host);
        Assert.True(_node.Address.Port > 0);
    }

    [Fact]
    public async Task The_total_counts_every_acknowledged_increment_and_never_decreases_for_one_client()
    {
        var reader = new MonotonicTotalReader(_node.Region, Keys, TimeSpan.FromSeconds(10));
        using var done = new CancellationTokenSource();
        Task<IncrementReport> writer = AcknowledgedIncrements.SendAsync(
            _node.Region, Keys, increments: 8_000, batchSize: 50, window: 16, ackTimeout: TimeSpan.FromSeconds(30));
        _ = writer.ContinueWith(_ => done.Cancel(), TaskScheduler.Default);

        long previous = 0, reads = 0, decreases = 0, gatheredDecreases = 0, previousGathered = 0;
        while (!done.IsCancellationRequested)
        {
            TotalRead read = await reader.ReadAsync();
            decreases += read.Total < previous ? 1 : 0;
            gatheredDecreases += read.Gathered < previousGathered ? 1 : 0;
            (previous, previousGathered) = (read.Total, read.Gathered);
            reads++;
        }

        IncrementReport report = await writer;
        TotalRead final = await reader.ReadAsync();
        _output.WriteLine($"{reads} reads during the load, {decreases} decreases; final {final.Total} of {report.Sent} sent");
        Assert.Equal(0, decreases);
        Assert.Equal(0, gatheredDecreases);
        Assert.Equal(8_000, report.Acknowledged);
        Assert.Equal(8_000, final.Total);
        Assert.All(Keys, key => Assert.Equal(8_000 / Keys.Length, report.AcknowledgedPerKey[key]));
    }

    [Fact]
    public async Task A_non_positive_amount_through_the_region_is_rejected_with_a_typed_message()
    {
        object reply = await _node.Region.Ask<object>(new ShardedCounterProtocol.Add("k0", 0), TimeSpan.FromSeconds(10));
        Assert.IsType<ShardedCounterProtocol.Rejected>(reply);
    }
}
