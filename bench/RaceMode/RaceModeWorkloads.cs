using System.Collections.Concurrent;
using ActorConcurrency.SharedState.Counters;
using ActorConcurrency.SharedState.Lru;
using ActorConcurrency.SharedState.Rings;

namespace ActorConcurrency.Bench.RaceMode;

/// <summary>
/// The plain C# workloads <see cref="RaceModeBenchmarks"/> runs twice: as compiled, and rewritten under race mode.
/// </summary>
public static class RaceModeWorkloads
{
    /// <summary>Plain field reads in the checked fast path's loop.</summary>
    public const int Accesses = 1_000;

    /// <summary>Increments, cache operations and ring items per workload.</summary>
    public const int Operations = 4_000;

    private static readonly Holder s_holder = new();

    /// <summary>A loop of plain loads of one field: FastTrack's same-epoch fast path once the first is checked.</summary>
    public static void FieldReads()
    {
        Holder holder = s_holder;
        int sum = 0;
        for (int i = 0; i < Accesses; i++)
        {
            sum += holder.Value;
        }

        holder.Sink = sum;
    }

    /// <summary>Task 3's counter: four tasks share a lock-protected counter.</summary>
    public static void LockedCounter()
    {
        var counter = new MonitorCounter();
        var tasks = new Task[4];
        for (int t = 0; t < tasks.Length; t++)
        {
            tasks[t] = Task.Run(() =>
            {
                for (int i = 0; i < Operations / 4; i++)
                {
                    counter.Increment();
                }
            });
        }

        Task.WaitAll(tasks);
    }

    /// <summary>Task 13's LRU at 90% reads and 10% writes, from two tasks.</summary>
    public static void Lru()
    {
        var cache = new LruCache<int, int>(64);
        Mixed(key => cache.TryGet(key, out _), (key, value) => cache.Set(key, value));
    }

    /// <summary>A <c>Dictionary</c> behind a lock, the same mix (Go's map behind a mutex).</summary>
    public static void LockedDictionary()
    {
        var map = new Dictionary<int, int>();
        var gate = new Lock();
        Mixed(
            key =>
            {
                lock (gate)
                {
                    return map.TryGetValue(key, out _);
                }
            },
            (key, value) =>
            {
                lock (gate)
                {
                    map[key] = value;
                }
            });
    }

    /// <summary>A <c>ConcurrentDictionary</c>, the same mix (Go's <c>sync.Map</c>).</summary>
    public static void ConcurrentDictionary()
    {
        var map = new ConcurrentDictionary<int, int>();
        Mixed(key => map.TryGetValue(key, out _), (key, value) => map[key] = value);
    }

    /// <summary>Two tasks, each <see cref="Operations"/>/2 operations over 128 keys, one write in ten.</summary>
    private static void Mixed(Func<int, bool> read, Action<int, int> write)
    {
        var tasks = new Task[2];
        for (int t = 0; t < tasks.Length; t++)
        {
            int seed = t;
            tasks[t] = Task.Run(() =>
            {
                var random = new Random(seed);
                for (int i = 0; i < Operations / 2; i++)
                {
                    int key = random.Next(128);
                    if (random.Next(10) == 0)
                    {
                        write(key, i);
                    }
                    else
                    {
                        _ = read(key);
                    }
                }
            });
        }

        Task.WaitAll(tasks);
    }

    /// <summary>Task 14's ring: one producer thread, one consumer thread.</summary>
    public static void Ring()
    {
        var ring = new SpscRingBuffer<int>(256);
        var producer = new Thread(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                while (!ring.TryEnqueue(i))
                {
                    Thread.SpinWait(1);
                }
            }
        });
        var consumer = new Thread(() =>
        {
            for (int received = 0; received < Operations;)
            {
                if (ring.TryDequeue(out _))
                {
                    received++;
                }
                else
                {
                    Thread.SpinWait(1);
                }
            }
        });
        producer.Start();
        consumer.Start();
        producer.Join();
        consumer.Join();
    }

    /// <summary>An object with a plain field.</summary>
    private sealed class Holder
    {
        public int Value = 1;
        public int Sink;
    }
}
