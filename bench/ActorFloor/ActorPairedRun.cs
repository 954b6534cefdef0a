using System.Diagnostics;
using System.Reflection;
using ActorConcurrency.Bench.Connection;
using ActorConcurrency.Bench.Counters;
using ActorConcurrency.Bench.Harness;
using ActorConcurrency.Bench.Lru;
using ActorConcurrency.Bench.Singleflight;
using BenchmarkDotNet.Attributes;
using static ActorConcurrency.Bench.Harness.PairedRounds;

namespace ActorConcurrency.Bench.ActorFloor;

/// <summary>
/// The companion of the actor groups' request/response benchmarks for the one ratio separate benchmark processes
/// make hard to read on a small shared machine: each owner actor against its bare-Akka floor. BenchmarkDotNet
/// runs every case in a process of its own, and on these two cores a process settles into a fast or a slow
/// scheduling mode (the same echo measured 165 ns in one process and 343 ns in the next), so an owner and its
/// floor measured in different processes can land in different modes. This runs each owner and its floor in one
/// process, on the very benchmark methods and setup, alternating them round by round (the order swaps every
/// round), and prints the median time of each and the median of the per-round ratios.
/// <c>dotnet run -c Release --project bench -- actor-paired [rounds] [group]</c> (default 21 rounds, after 3 unrecorded;
/// every group, or only <c>counter</c>, <c>connection</c>, <c>singleflight</c> or <c>LRU</c>).
/// </summary>
internal static class ActorPairedRun
{
    /// <summary>The command word that selects this run instead of BenchmarkDotNet.</summary>
    public const string Command = "actor-paired";

    /// <summary>The target the issue sets: an owner's request/response within this factor of the floor.</summary>
    private const double Target = 1.5;

    private const int Warmup = 3;
    private static readonly TimeSpan RoundLength = TimeSpan.FromMilliseconds(40);

    public static int Run(string[] args)
    {
        int rounds = 21;
        if (args.Length > 1 && (!int.TryParse(args[1], out rounds) || rounds < 1))
        {
            Console.Error.WriteLine($"error: {Command} takes a round count of at least 1, not '{args[1]}'");
            return 2;
        }

        Pair[] selected = [.. Pairs().Where(p => args.Length < 3 || string.Equals(p.Group, args[2], StringComparison.OrdinalIgnoreCase))];
        if (selected.Length == 0)
        {
            Console.Error.WriteLine($"error: no group '{args[2]}'; the groups are {string.Join(", ", Pairs().Select(p => p.Group).Distinct())}");
            return 2;
        }

        Console.WriteLine($"{rounds} rounds per pair after {Warmup} unrecorded, each side ~{RoundLength.TotalMilliseconds:F0} ms a round; load average {LoadAverage()}");
        Console.WriteLine($"{"group",-13} {"parameters",-21} {"by",-5} {"floor ns",9} {"owner ns",9} {"median ratio",13} {"quartiles",11} {"within",7}");
        int missed = 0, pairs = 0;
        foreach (Pair pair in selected)
        {
            (double floor, double owner, List<double> ratios) = Measure(pair, rounds);
            double median = Quantile(ratios, 0.5);
            missed += median <= Target ? 0 : 1;
            pairs++;
            Console.WriteLine($"{pair.Group,-13} {pair.Parameters,-21} {pair.By,-5} {floor,9:F1} {owner,9:F1} {median,13:F2} "
                + $"{$"{Quantile(ratios, 0.25):F2}–{Quantile(ratios, 0.75):F2}",11} {(median <= Target ? "yes" : "NO"),7}");
        }

        Console.WriteLine(missed == 0
            ? $"all {pairs} owners within {Target}× of their floor by median per-round ratio; load average now {LoadAverage()}"
            : $"{missed} of {pairs} owners not within {Target}× of their floor by median per-round ratio; load average now {LoadAverage()}");
        return 0;
    }

    private static IEnumerable<Pair> Pairs()
    {
        foreach (int threads in ThreadCounts.OneAndAllCores)
        {
            (string, object)[] counts = [(nameof(CounterBenchmarks.Threads), threads)];
            yield return new Pair(typeof(CounterBenchmarks), "counter", counts, "Ask", nameof(CounterBenchmarks.FloorEchoAsk), nameof(CounterBenchmarks.ActorGetCountAsk));
            yield return new Pair(typeof(CounterBenchmarks), "counter", counts, "Tell", nameof(CounterBenchmarks.FloorEchoTell), nameof(CounterBenchmarks.ActorGetCountTell));
        }

        foreach (int threads in ThreadCounts.OneAndAllCores)
        {
            (string, object)[] counts = [(nameof(ConnectionBenchmarks.Threads), threads)];
            yield return new Pair(typeof(ConnectionBenchmarks), "connection", counts, "Ask", nameof(ConnectionBenchmarks.FloorEchoAsk), nameof(ConnectionBenchmarks.FsmAsk));
            yield return new Pair(typeof(ConnectionBenchmarks), "connection", counts, "Tell", nameof(ConnectionBenchmarks.FloorEchoTell), nameof(ConnectionBenchmarks.FsmTell));
        }

        yield return new Pair(typeof(SingleflightBenchmarks), "singleflight", [], "Ask", nameof(SingleflightBenchmarks.FloorEchoAsk), nameof(SingleflightBenchmarks.Actor_AskOneCaller));
        yield return new Pair(typeof(SingleflightBenchmarks), "singleflight", [], "Tell", nameof(SingleflightBenchmarks.FloorEchoTell), nameof(SingleflightBenchmarks.Actor_TellOneCaller));

        foreach (int getPercent in new[] { 90, 50 })
        {
            foreach (int threads in ThreadCounts.OneAndAllCores)
            {
                (string, object)[] parameters = [(nameof(LruBenchmarks.Threads), threads), (nameof(LruBenchmarks.GetPercent), getPercent)];
                yield return new Pair(typeof(LruBenchmarks), "LRU", parameters, "Ask", nameof(LruBenchmarks.FloorEchoAsk), nameof(LruBenchmarks.OwnerActorAsk));
                yield return new Pair(typeof(LruBenchmarks), "LRU", parameters, "Tell", nameof(LruBenchmarks.FloorEchoTell), nameof(LruBenchmarks.OwnerActorTell));
            }
        }
    }

    /// <summary>Times both sides round by round in one instance of the benchmark class; ns per operation.</summary>
    private static (double Floor, double Owner, List<double> Ratios) Measure(Pair pair, int rounds)
    {
        object benchmarks = Activator.CreateInstance(pair.Benchmarks)!;
        foreach ((string name, object value) in pair.Values)
        {
            pair.Benchmarks.GetProperty(name)!.SetValue(benchmarks, value);
        }

        Quietly(() => InvokeMarked<GlobalSetupAttribute>(benchmarks));
        try
        {
            Side floor = Side.Of(benchmarks, pair.Floor), owner = Side.Of(benchmarks, pair.Owner);
            var floorTimes = new List<double>();
            var ownerTimes = new List<double>();
            var ratios = new List<double>();
            for (int round = 0; round < Warmup + rounds; round++)
            {
                (double f, double o) = round % 2 == 0 ? (floor.Time(), owner.Time()) : Swap(owner.Time(), floor.Time());
                if (round < Warmup)
                {
                    continue;
                }

                floorTimes.Add(f);
                ownerTimes.Add(o);
                ratios.Add(o / f);
            }

            return (Quantile(floorTimes, 0.5), Quantile(ownerTimes, 0.5), ratios);
        }
        finally
        {
            Quietly(() => InvokeMarked<GlobalCleanupAttribute>(benchmarks)); // the LRU group's cleanup prints its hit ratios for BenchmarkDotNet's log
        }
    }

    private static void InvokeMarked<TAttribute>(object benchmarks)
        where TAttribute : Attribute
    {
        foreach (MethodInfo method in benchmarks.GetType().GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(benchmarks, null);
        }
    }

    private static void Quietly(Action action)
    {
        TextWriter output = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(output);
        }
    }

    private static (double Floor, double Owner) Swap(double owner, double floor) => (floor, owner);

    /// <summary>One owner and its floor in one benchmark class, with the class's parameters.</summary>
    private sealed record Pair(Type Benchmarks, string Group, (string Name, object Value)[] Values, string By, string Floor, string Owner)
    {
        public string Parameters => Values.Length == 0 ? "lone caller" : string.Join(", ", Values.Select(v => v.Name switch
        {
            nameof(LruBenchmarks.Threads) => $"{v.Value} thread{((int)v.Value == 1 ? "" : "s")}",
            nameof(LruBenchmarks.GetPercent) => $"{v.Value} % gets",
            _ => $"{v.Name}={v.Value}",
        }));
    }

    /// <summary>One benchmark method: how many operations one invocation does, and how to time a round of invocations.</summary>
    private sealed class Side
    {
        private readonly Func<object?> _invoke;
        private readonly int _operations;
        private int _invocations = 1;

        private Side(Func<object?> invoke, int operations)
        {
            _invoke = invoke;
            _operations = operations;
        }

        public static Side Of(object benchmarks, string name)
        {
            MethodInfo method = benchmarks.GetType().GetMethod(name) ?? throw new InvalidOperationException($"no benchmark {name}");
            int operations = method.GetCustomAttribute<BenchmarkAttribute>()?.OperationsPerInvoke
                ?? throw new InvalidOperationException($"{name} is not a benchmark");
            return new Side(() => method.Invoke(benchmarks, null), operations);
        }

        /// <summary>ns per operation over a round of about <see cref="RoundLength"/> (the first round sets the invocation count).</summary>
        public double Time()
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < _invocations; i++)
            {
                if (_invoke() is Task task)
                {
                    task.GetAwaiter().GetResult();
                }
            }

            TimeSpan elapsed = watch.Elapsed;
            double perOperation = elapsed.TotalNanoseconds / ((double)_invocations * _operations);
            _invocations = Math.Max(_invocations, (int)Math.Ceiling(RoundLength / (elapsed / _invocations)));
            return perOperation;
        }
    }
}
