using System.Runtime.CompilerServices;
using ActorConcurrency.SharedState.Config;
using ActorConcurrency.SharedState.Connection;
using ActorConcurrency.SharedState.Counters;
using ActorConcurrency.SharedState.LazyInit;
using ActorConcurrency.SharedState.Lru;
using ActorConcurrency.SharedState.MemoryModel;
using ActorConcurrency.SharedState.Rings;
using ActorConcurrency.SharedState.ShardedCounters;
using ActorConcurrency.SharedState.Singleflight;

namespace ActorConcurrency.Demonstrations.RaceForms;

/// <summary>
/// The workloads race mode runs: plain C# over the real SharedState forms (no tracked types), started with
/// <c>Task.Run</c> and threads and joined with <c>await</c>/<c>Join</c> as any program would. The host and the specs
/// run the rewritten copies of these methods (see <see cref="RaceCatalog"/>).
/// </summary>
public static class RaceProbes
{
    private const int Workers = 4;
    private const int Operations = 200;

    public static Task RacyCounter() => ConcurrentIncrements.RunAsync(Workers * 4, new RacyCounter().Increment);

    public static Task InterlockedCounter() => ConcurrentIncrements.RunAsync(Workers * 4, new InterlockedCounter().Increment);

    public static Task MonitorCounter() => ConcurrentIncrements.RunAsync(Workers * 4, new MonitorCounter().Increment);

    public static Task ThreadingLockCounter() => ConcurrentIncrements.RunAsync(Workers * 4, new ThreadingLockCounter().Increment);

    public static async Task ChannelCounter()
    {
        var counter = new ChannelCounter();
        await ConcurrentIncrements.RunAsync(Workers * 4, counter.Increment);
        await counter.CompleteAsync();
    }

    public static Task UnsafeLazyCache() => Caches(new UnsafeLazyCache(() => new Cache(1)));

    public static Task LazyCache() => Caches(new LazyCache(() => new Cache(1)));

    public static Task LazyInitializerCache() => Caches(new LazyInitializerCache(() => new Cache(1)));

    public static Task DoubleCheckedCache() => Caches(new DoubleCheckedCache(() => new Cache(1)));

    public static async Task TornConfigHolder()
    {
        var holder = new TornConfigHolder(Config.ForVersion(1));
        Task writer = Task.Run(() =>
        {
            for (int i = 2; i < Operations; i++)
            {
                holder.Reload(Config.ForVersion(i));
            }
        });
        Task reader = Task.Run(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                _ = holder.Read();
            }
        });
        await Task.WhenAll(writer, reader);
    }

    public static async Task ConfigService()
    {
        var service = new ConfigService(Config.ForVersion(1));
        Task writer = Task.Run(() =>
        {
            for (int i = 2; i < Operations; i++)
            {
                service.Reload(Config.ForVersion(i));
            }
        });
        Task reader = Task.Run(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                _ = service.Current().Label.Length;
            }
        });
        await Task.WhenAll(writer, reader);
    }

    public static Task LruCache() => Lru(new LruCache<int, string>(16));

    public static Task ClockLruCache() => Lru(new ClockLruCache<int, string>(16));

    public static void SpscRing() => Ring(new SpscRingBuffer<int[]>(8), producers: 1);

    public static void PaddedSpscRing() => Ring(new PaddedSpscRingBuffer<int[]>(8), producers: 1);

    /// <remarks>
    /// The ring is big enough for every item and is drained after the producers are joined: with two producers its
    /// tail can move backwards, which would trip the ring's own Debug.Assert in a concurrent consumer and end the
    /// process. The race is between the producers.
    /// </remarks>
    public static void SpscRingTwoProducers() => Ring(new SpscRingBuffer<int[]>(512), producers: 2);

    public static async Task SingleflightGroup()
    {
        var group = new SingleflightGroup<int, int[]>();
        var callers = new Task[Workers];
        for (int i = 0; i < callers.Length; i++)
        {
            callers[i] = Task.Run(async () =>
            {
                SingleflightResult<int[]> result = await group.DoAsync(1, async () =>
                {
                    await Task.Yield();
                    return [42];
                });
                _ = result.Value[0];
            });
        }

        await Task.WhenAll(callers);
    }

    public static async Task StripedCounterCellsAndSnapshot()
    {
        var counter = new StripedCounter(4);
        var adders = new Task[Workers];
        for (int i = 0; i < adders.Length; i++)
        {
            int stripe = i;
            adders[i] = Task.Run(() =>
            {
                for (int n = 0; n < Operations; n++)
                {
                    counter.AddToStripe(stripe, 1);
                    counter.Transfer(stripe, (stripe + 1) % 4, 1);
                }
            });
        }

        Task reader = Task.Run(() =>
        {
            for (int n = 0; n < Operations; n++)
            {
                _ = counter.SnapshotSum();
                _ = counter.Sum();
            }
        });
        await Task.WhenAll([.. adders, reader]);
    }

    public static Task LockedConnection() => Connection(new LockedConnection());

    public static Task CasConnection() => Connection(new CasConnection());

    public static void PlainPublication() => Publication(PublicationProbe.Plain());

    public static void VolatilePublication() => Publication(PublicationProbe.WithVolatile());

    public static void PlainStopFlag() => StopFlag(StopFlagProbe.Plain());

    public static void VolatileStopFlag() => StopFlag(StopFlagProbe.WithVolatile());

    private static void StopFlag(StopFlagProbe probe)
    {
        var spinner = new Thread(() => _ = probe.SpinUntilStopped());
        spinner.Start();
        probe.RequestStop();
        spinner.Join();
    }

    private static void Publication(PublicationProbe probe)
    {
        var reader = new Thread(() => _ = probe.WaitAndRead());
        reader.Start();
        probe.Publish();
        reader.Join();
    }

    private static async Task Caches(ICacheHolder holder)
    {
        var callers = new Task[Workers];
        for (int i = 0; i < callers.Length; i++)
        {
            callers[i] = Task.Run(() => _ = holder.GetCache().Instance);
        }

        await Task.WhenAll(callers);
    }

    private static async Task Lru(ILruCache<int, string> cache)
    {
        var workers = new Task[Workers];
        for (int i = 0; i < workers.Length; i++)
        {
            int seed = i;
            workers[i] = Task.Run(() =>
            {
                var random = new Random(seed);
                for (int n = 0; n < Operations; n++)
                {
                    int key = random.Next(32);
                    if (random.Next(10) == 0)
                    {
                        cache.Set(key, key.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else if (cache.TryGet(key, out string value))
                    {
                        _ = value.Length;
                    }
                }
            });
        }

        await Task.WhenAll(workers);
    }

    private static void Ring(ISpscQueue<int[]> ring, int producers)
    {
        // The consumer stops once every producer is joined and the ring is empty: with two producers the broken
        // ring loses items, so counting them would never end.
        var producersDone = new StrongBox<bool>();
        var threads = new List<Thread>();
        for (int p = 0; p < producers; p++)
        {
            threads.Add(new Thread(() =>
            {
                for (int n = 0; n < Operations; n++)
                {
                    int[] item = [n];
                    while (!ring.TryEnqueue(item))
                    {
                        Thread.Yield();
                    }
                }
            }));
        }

        var consumer = new Thread(() =>
        {
            while (true)
            {
                bool last = Volatile.Read(ref producersDone.Value);
                if (ring.TryDequeue(out int[] item))
                {
                    _ = item[0];
                }
                else if (last)
                {
                    return;
                }
                else
                {
                    Thread.Yield();
                }
            }
        });
        bool concurrentConsumer = producers == 1;
        if (concurrentConsumer)
        {
            consumer.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Volatile.Write(ref producersDone.Value, true);
        if (!concurrentConsumer)
        {
            consumer.Start();
        }

        consumer.Join();
    }

    private static async Task Connection(IConnectionLifecycle connection)
    {
        var callers = new Task[Workers];
        for (int i = 0; i < callers.Length; i++)
        {
            callers[i] = Task.Run(() =>
            {
                foreach (ConnectionRequest request in Enum.GetValues<ConnectionRequest>())
                {
                    _ = connection.Request(request);
                }
            });
        }

        await Task.WhenAll(callers);
    }
}
