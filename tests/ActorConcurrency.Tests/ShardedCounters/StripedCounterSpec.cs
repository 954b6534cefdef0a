using System.Runtime.InteropServices;
using ActorConcurrency.SharedState.ShardedCounters;
using ActorConcurrency.Tests.Support;
using Xunit.Abstractions;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>
/// Task 19, shared-memory form: the striped counter's padding, its exact totals, the monotonic-read
/// property under heavy increments, and the transfer experiment (plain sum deviates, snapshot never does).
/// </summary>
public sealed class StripedCounterSpec
{
    private readonly ITestOutputHelper _output;

    public StripedCounterSpec(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Each_cell_is_two_cache_lines_and_its_words_sit_in_the_second()
    {
        Assert.Equal(2 * PaddedCell.CacheLine, Marshal.SizeOf<PaddedCell>());
        Assert.Equal(PaddedCell.CacheLine, (int)Marshal.OffsetOf<PaddedCell>(nameof(PaddedCell.Sequence)));
        Assert.Equal(PaddedCell.CacheLine + sizeof(long), (int)Marshal.OffsetOf<PaddedCell>(nameof(PaddedCell.Value)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-4)]
    [InlineData(8192)]
    public void A_stripe_count_that_is_not_a_power_of_two_in_range_is_rejected(int stripes)
    {
        var ex = Assert.Throws<ArgumentException>(() => new StripedCounter(stripes));
        Assert.Equal("stripes", ex.ParamName);
    }

    [Fact]
    public void A_transfer_to_a_stripe_that_does_not_exist_is_rejected()
    {
        var counter = new StripedCounter(4);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => counter.Transfer(0, 4, 1));
        Assert.Equal("to", ex.ParamName);
    }

    [Fact]
    public async Task Counts_every_add_from_every_core()
    {
        StripedCounter counter = StripedCounter.PerCore();
        const int Threads = 8, PerThread = 100_000;
        using var start = new Barrier(Threads);
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < PerThread; i++)
            {
                counter.Add(1);
            }
        })));

        Assert.Equal(Threads * PerThread, counter.Sum());
        Assert.Equal(Threads * PerThread, counter.SnapshotSum());
    }

    [Fact]
    public async Task Two_consecutive_sums_on_one_thread_never_decrease_while_others_increment()
    {
        var counter = new StripedCounter(8);
        using var stop = new CancellationTokenSource();
        using var writersRunning = new CountdownEvent(4);
        Task[] writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            writersRunning.Signal();
            for (long i = 0; !stop.IsCancellationRequested; i++)
            {
                counter.AddToStripe((int)((w + i) & 7), 1);
            }
        })).ToArray();

        writersRunning.Wait();
        long reads = 0, decreases = 0, previous = counter.Sum();
        var deadline = DateTime.UtcNow + StressConfig.Duration;
        while (DateTime.UtcNow < deadline)
        {
            long current = counter.Sum();
            decreases += current < previous ? 1 : 0;
            previous = current;
            reads++;
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        _output.WriteLine($"{reads} reads, {decreases} decreases, final {counter.Sum()}");
        Assert.Equal(0, decreases);
        Assert.True(previous <= counter.Sum());
    }

    [Fact]
    public void A_plain_sum_that_straddles_a_transfer_returns_a_total_that_never_existed()
    {
        var counter = new StripedCounter(2);
        counter.AddToStripe(0, 100);
        counter.AddToStripe(1, 100);
        bool moved = false;

        // Forced interleaving: the sum has read cell 0 (100) when 30 moves from cell 0 to cell 1 (130).
        long sum = counter.Sum(afterCellRead: cell =>
        {
            if (cell == 0 && !moved)
            {
                moved = true;
                counter.Transfer(0, 1, 30);
            }
        });

        Assert.Equal(230, sum);
        Assert.Equal(200, counter.Sum());
    }

    [Fact]
    public void A_snapshot_that_straddles_a_transfer_discards_that_pass_and_returns_the_real_total()
    {
        var counter = new StripedCounter(2);
        counter.AddToStripe(0, 100);
        counter.AddToStripe(1, 100);
        bool moved = false;

        long sum = counter.SnapshotSum(StripedCounter.DefaultOptimisticAttempts, cell =>
        {
            if (cell == 0 && !moved)
            {
                moved = true;
                counter.Transfer(0, 1, 30);
            }
        }, out int discarded);

        Assert.Equal(200, sum);
        Assert.Equal(1, discarded);
    }

    [Fact]
    public async Task A_snapshot_that_runs_out_of_optimistic_attempts_stops_the_writers_and_is_still_exact()
    {
        var counter = new StripedCounter(4);
        for (int i = 0; i < 4; i++)
        {
            counter.AddToStripe(i, 1_000);
        }

        // With zero optimistic attempts the reader goes straight to locking every stripe. A transfer started
        // while the reader holds the locks must wait for it: the gate proves the writer was stopped.
        using var readerHoldsLocks = new ManualResetEventSlim();
        using var writerMayGo = new ManualResetEventSlim();
        Task<long> reader = Task.Run(() => counter.SnapshotSum(0, cell =>
        {
            if (cell == 0)
            {
                readerHoldsLocks.Set();
                writerMayGo.Wait();
            }
        }, out _));

        readerHoldsLocks.Wait();
        Task writer = Task.Run(() => counter.Transfer(3, 0, 500));
        writerMayGo.Set();
        Assert.Equal(4_000, await reader);
        await writer;
        Assert.Equal(4_000, counter.SnapshotSum());
        Assert.Equal(4_000, counter.Sum());
    }

    [Fact]
    public async Task Under_concurrent_transfers_the_plain_sum_deviates_and_the_snapshot_never_does()
    {
        const long PerCell = 1_000_000;
        var counter = new StripedCounter(16);
        for (int i = 0; i < counter.StripeCount; i++)
        {
            counter.AddToStripe(i, PerCell);
        }

        long expected = PerCell * counter.StripeCount;
        using var stop = new CancellationTokenSource();
        Task[] movers = Enumerable.Range(0, 2).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                counter.Transfer(random.Next(16), random.Next(16), random.Next(1, 1_000));
            }
        })).ToArray();

        long plainReads = 0, plainDeviations = 0, snapshotReads = 0, snapshotDeviations = 0;
        var deadline = DateTime.UtcNow + StressConfig.Duration;
        while (DateTime.UtcNow < deadline)
        {
            plainDeviations += counter.Sum() != expected ? 1 : 0;
            plainReads++;
            snapshotDeviations += counter.SnapshotSum() != expected ? 1 : 0;
            snapshotReads++;
        }

        await stop.CancelAsync();
        await Task.WhenAll(movers);
        _output.WriteLine($"plain: {plainDeviations}/{plainReads} reads deviated; snapshot: {snapshotDeviations}/{snapshotReads}");
        Assert.Equal(0, snapshotDeviations);
        Assert.Equal(expected, counter.Sum());
    }
}
