using System.Diagnostics;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.SharedState.Rings;
using static ActorConcurrency.Bench.Harness.PairedRounds;

namespace ActorConcurrency.Bench.Rings;

/// <summary>
/// The companion of <see cref="SpscBenchmarks"/> for the one ratio a shared machine makes hard to read from
/// separate benchmark processes: the C# padded ring item by item against the native floor. BenchmarkDotNet
/// runs each benchmark in its own process one after the other, so a change in the machine's load between
/// them lands in the ratio; this runs both in one process, alternating them round by round (the order swaps
/// every round), with the same pinned workers, loops and backoff as the benchmark, and prints each round, the
/// median items/s of each and the median of the per-round ratios. Each round also times both rings on one
/// thread alone (fill to full, drain to empty, a lap at a time): the push and pop instructions without a
/// second core or the scheduler in the time, which a loaded machine disturbs far less.
/// <c>dotnet run -c Release --project bench -- spsc-paired [rounds]</c> (default 41, after 3 unrecorded).
/// </summary>
internal static class SpscPairedRun
{
    /// <summary>The command word that selects this run instead of BenchmarkDotNet.</summary>
    public const string Command = "spsc-paired";

    private const int Warmup = 3;

    public static int Run(string[] args)
    {
        int rounds = 41;
        if (args.Length > 1 && (!int.TryParse(args[1], out rounds) || rounds < 1))
        {
            Console.Error.WriteLine($"error: {Command} takes a round count of at least 1, not '{args[1]}'");
            return 2;
        }

        if (NativeSpscRing.Unavailable is { } reason)
        {
            Console.Error.WriteLine($"error: the native ring cannot be built here: {reason}");
            return 2;
        }

        const long items = SpscBenchmarks.Items;
        const long expected = items * (items - 1) / 2;
        using NativeSpscRing native = NativeSpscRing.Start(SpscBenchmarks.Capacity);
        using var pair = new ParallelHarness(2, pinned: true);
        var ring = new PaddedSpscRingBuffer<long>(SpscBenchmarks.Capacity);
        Console.WriteLine($"capacity {SpscBenchmarks.Capacity}, {items:N0} items per run; native workers pinned {native.PinnedWorkers}/2, C# workers pinned {pair.PinnedWorkers}/2; load average {LoadAverage()}");

        double Native()
        {
            var watch = Stopwatch.StartNew();
            long sum = native.Run(items);
            return Rate(sum, watch);
        }

        double Padded()
        {
            long sum = 0;
            var watch = Stopwatch.StartNew();
            pair.Run(side =>
            {
                if (side == 0)
                {
                    SpscTransfer.Produce(new SpscTransfer.PaddedRing(ring), items);
                }
                else
                {
                    sum = SpscTransfer.Consume(new SpscTransfer.PaddedRing(ring), items, default(SumSink)).Sum;
                }
            });
            return Rate(sum, watch);
        }

        double Rate(long sum, Stopwatch watch)
        {
            double seconds = watch.Elapsed.TotalSeconds;
            if (sum != expected)
            {
                throw new InvalidOperationException($"the consumer's sum is {sum}, expected {expected}");
            }

            return items / seconds;
        }

        var single = new PaddedSpscRingBuffer<long>(SpscBenchmarks.Capacity);

        double NativeSingle()
        {
            var watch = Stopwatch.StartNew();
            long sum = native.RunSingleThread(items);
            return Rate(sum, watch);
        }

        double PaddedSingle()
        {
            var watch = Stopwatch.StartNew();
            long sum = SingleThread(single, items);
            return Rate(sum, watch);
        }

        var nativeSingleRates = new List<double>();
        var paddedSingleRates = new List<double>();
        var nativeRates = new List<double>();
        var paddedRates = new List<double>();
        var ratios = new List<double>();
        for (int round = 0; round < Warmup + rounds; round++)
        {
            (double n, double p) = round % 2 == 0 ? (Native(), Padded()) : Swap(Padded(), Native());
            (double n1, double p1) = round % 2 == 0 ? (NativeSingle(), PaddedSingle()) : Swap(PaddedSingle(), NativeSingle());
            if (round < Warmup)
            {
                continue;
            }

            nativeSingleRates.Add(n1);
            paddedSingleRates.Add(p1);
            nativeRates.Add(n);
            paddedRates.Add(p);
            ratios.Add(p / n);
            Console.WriteLine($"round {round - Warmup + 1,3}: native {n / 1e6,8:F1} M items/s   C# padded {p / 1e6,8:F1} M items/s   ratio {p / n:F2}   one thread: native {n1 / 1e6,7:F1}, C# {p1 / 1e6,7:F1}");
        }

        Console.WriteLine($"median of {rounds}: native {Median(nativeRates) / 1e6:F1} M items/s, C# padded ring item by item {Median(paddedRates) / 1e6:F1} M items/s; "
            + $"median per-round ratio {Median(ratios):F2} (quartiles {Quantile(ratios, 0.25):F2}–{Quantile(ratios, 0.75):F2}), ratio of medians {Median(paddedRates) / Median(nativeRates):F2}");
        Console.WriteLine($"fastest tenth (the rounds a loaded machine disturbed least): native {Quantile(nativeRates, 0.9) / 1e6:F1} M items/s, "
            + $"C# padded {Quantile(paddedRates, 0.9) / 1e6:F1} M items/s, ratio {Quantile(paddedRates, 0.9) / Quantile(nativeRates, 0.9):F2}");
        Console.WriteLine($"one thread, fill and drain: median native {Median(nativeSingleRates) / 1e6:F1}, C# {Median(paddedSingleRates) / 1e6:F1} M items/s (ratio {Median(paddedSingleRates) / Median(nativeSingleRates):F2}); "
            + $"fastest native {nativeSingleRates.Max() / 1e6:F1}, C# {paddedSingleRates.Max() / 1e6:F1} M items/s (ratio {paddedSingleRates.Max() / nativeSingleRates.Max():F2}); load average now {LoadAverage()}");
        return 0;
    }

    /// <summary>The C# twin of the native <c>run_single_thread</c>: laps of fill-to-full, then drain-to-empty, on one thread.</summary>
    private static long SingleThread(PaddedSpscRingBuffer<long> ring, long items)
    {
        long sum = 0;
        for (long next = 0; next < items;)
        {
            long lap = Math.Min(SpscBenchmarks.Capacity, items - next);
            for (long k = 0; k < lap; k++)
            {
                if (!ring.TryEnqueue(next + k))
                {
                    return -1;
                }
            }

            for (long k = 0; k < lap; k++)
            {
                if (!ring.TryDequeue(out long item))
                {
                    return -1;
                }

                sum += item;
            }

            next += lap;
        }

        return sum;
    }

    private static (double Native, double Padded) Swap(double padded, double native) => (native, padded);
}
