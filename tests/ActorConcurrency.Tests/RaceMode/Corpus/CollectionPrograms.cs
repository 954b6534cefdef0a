using System.Collections.Concurrent;
using System.Text;

namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// The data races .NET users write most: framework collections shared between tasks without a lock, each beside
/// its fixed form. Plain C#, no detector API: race mode must see into the collections as Go's detector sees maps.
/// </summary>
internal static class CollectionPrograms
{
    [Expect(Verdict.Racy)]
    public static void DictionaryWriterAndReader()
    {
        // Room for every key (as in the racy programs below that loop): a real race must not throw inside the
        // collection, or the program never gets its verdict (see ParallelPrograms.LocalListsMergedWithoutALock).
        var map = new Dictionary<int, int>(100);
        Task writer = Task.Run(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                map[i] = i;
            }
        });
        Task reader = Task.Run(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                map.TryGetValue(i, out _);
            }
        });
        Task.WaitAll(writer, reader);
    }

    [Expect(Verdict.RaceFree)]
    public static void DictionaryUnderLock()
    {
        var map = new Dictionary<int, int>();
        var gate = new object();
        Task writer = Task.Run(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                lock (gate)
                {
                    map[i] = i;
                }
            }
        });
        Task reader = Task.Run(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                lock (gate)
                {
                    map.TryGetValue(i, out _);
                }
            }
        });
        Task.WaitAll(writer, reader);
        map.Clear();
    }

    [Expect(Verdict.RaceFree)]
    public static void DictionaryReadersOnly()
    {
        var map = new Dictionary<int, int> { [1] = 1, [2] = 2 };
        Task[] readers = [.. Enumerable.Range(0, 3).Select(_ => Task.Run(() => map.ContainsKey(1) && map[2] == 2 && map.Count == 2))];
        Task.WaitAll(readers);
        map[3] = 3;
    }

    [Expect(Verdict.Racy)]
    public static void DictionaryThroughInterface()
    {
        IDictionary<int, int> map = new Dictionary<int, int>();
        Task writer = Task.Run(() => map.Add(1, 1));
        bool seen = map.ContainsKey(1);
        writer.Wait();
        GC.KeepAlive(seen);
    }

    [Expect(Verdict.Racy)]
    public static void ListAddInParallelFor()
    {
        var list = new List<int>(100);
        Parallel.For(0, 100, i => list.Add(i));
    }

    [Expect(Verdict.RaceFree)]
    public static void ListAddInParallelForLocked()
    {
        var list = new List<int>();
        Parallel.For(0, 100, i =>
        {
            lock (list)
            {
                list.Add(i);
            }
        });
        list.Sort();
    }

    [Expect(Verdict.Racy)]
    public static void ListWrittenWhileEnumerated()
    {
        var list = new List<int> { 1, 2, 3 };
        Task writer = Task.Run(() => list.Add(4));
        int sum = 0;
        try
        {
            foreach (int item in list)
            {
                sum += item;
            }
        }
        catch (InvalidOperationException)
        {
            // The list's own check saw the write mid-enumeration, in this schedule; race mode must not need it.
        }

        writer.Wait();
        GC.KeepAlive(sum);
    }

    [Expect(Verdict.Racy)]
    public static void ListReadByLinqWhileWritten()
    {
        var list = new List<int> { 1, 2, 3 };
        Task writer = Task.Run(() => list.RemoveAt(0));
        int sum = list.Sum();
        writer.Wait();
        GC.KeepAlive(sum);
    }

    [Expect(Verdict.Racy)]
    public static void DictionaryKeysEnumeratedWhileWritten()
    {
        var map = new Dictionary<string, int> { ["a"] = 1 };
        Task writer = Task.Run(() => map.Remove("a"));
        int count = 0;
        try
        {
            foreach (string key in map.Keys)
            {
                count += key.Length;
            }
        }
        catch (InvalidOperationException)
        {
            // As above: the dictionary noticed the write in this schedule.
        }

        writer.Wait();
        GC.KeepAlive(count);
    }

    [Expect(Verdict.Racy)]
    public static void HashSetAddFromTwoTasks()
    {
        var set = new HashSet<int>();
        Task.WaitAll(Task.Run(() => set.Add(1)), Task.Run(() => set.Add(2)));
    }

    [Expect(Verdict.Racy)]
    public static void QueueProducerAndConsumer()
    {
        var queue = new Queue<int>();
        Task producer = Task.Run(() => queue.Enqueue(1));
        Task consumer = Task.Run(() => queue.TryDequeue(out _));
        Task.WaitAll(producer, consumer);
    }

    [Expect(Verdict.RaceFree)]
    public static void ConcurrentQueueProducerAndConsumer()
    {
        var queue = new ConcurrentQueue<int>();
        Task producer = Task.Run(() => queue.Enqueue(1));
        Task consumer = Task.Run(() => queue.TryDequeue(out _));
        Task.WaitAll(producer, consumer);
    }

    [Expect(Verdict.Racy)]
    public static void StackPushAndCount()
    {
        var stack = new Stack<int>();
        Task pusher = Task.Run(() => stack.Push(1));
        int count = stack.Count;
        pusher.Wait();
        GC.KeepAlive(count);
    }

    [Expect(Verdict.Racy)]
    public static void SortedDictionaryWriters()
    {
        var map = new SortedDictionary<int, int>();
        Task.WaitAll(Task.Run(() => map[1] = 1), Task.Run(() => map[2] = 2));
    }

    [Expect(Verdict.Racy)]
    public static void SortedListWriterAndReader()
    {
        var map = new SortedList<int, int>();
        Task writer = Task.Run(() => map.Add(1, 1));
        bool found = map.ContainsKey(1);
        writer.Wait();
        GC.KeepAlive(found);
    }

    [Expect(Verdict.Racy)]
    public static void LinkedListWriters()
    {
        var list = new LinkedList<int>();
        Task.WaitAll(Task.Run(() => list.AddLast(1)), Task.Run(() => list.AddFirst(2)));
    }

    [Expect(Verdict.Racy)]
    public static void SharedStringBuilder()
    {
        var text = new StringBuilder();
        Task.WaitAll(Task.Run(() => text.Append('a')), Task.Run(() => text.Append('b')));
    }

    [Expect(Verdict.RaceFree)]
    public static void StringBuilderPerTask()
    {
        Task<string>[] parts = [Task.Run(() => new StringBuilder().Append('a').ToString()), Task.Run(() => new StringBuilder().Append('b').ToString())];
        Task.WaitAll(parts);
        GC.KeepAlive(parts[0].Result + parts[1].Result);
    }

    [Expect(Verdict.Racy)]
    public static void SharedRandom()
    {
        var random = new Random(1);
        Task.WaitAll(Task.Run(() => random.Next()), Task.Run(() => random.Next()));
    }

    [Expect(Verdict.RaceFree)]
    public static void RandomShared()
    {
        Task.WaitAll(Task.Run(() => Random.Shared.Next()), Task.Run(() => Random.Shared.Next()));
    }

    [Expect(Verdict.RaceFree)]
    public static void ConcurrentDictionaryWriters()
    {
        var map = new ConcurrentDictionary<int, int>();
        Task.WaitAll(Task.Run(() => map[1] = 1), Task.Run(() => map.TryGetValue(1, out _)));
    }

    [Expect(Verdict.RaceFree)]
    public static void ListWrittenBeforeTasksAndReadInThem()
    {
        var list = new List<int> { 1, 2, 3 };
        Task<int>[] readers = [Task.Run(() => list.Count), Task.Run(() => list[0] + list.IndexOf(3))];
        Task.WaitAll(readers);
        list.Add(readers[0].Result);
    }

    [Expect(Verdict.Racy)]
    public static void ArrayCopyIntoElementBeingRead()
    {
        int[] source = [1, 2, 3, 4];
        int[] target = new int[4];
        Task copier = Task.Run(() => Array.Copy(source, target, 4));
        int seen = target[2];
        copier.Wait();
        GC.KeepAlive(seen);
    }

    [Expect(Verdict.RaceFree)]
    public static void ArrayCopiesIntoDisjointHalves()
    {
        int[] source = [1, 2, 3, 4];
        int[] target = new int[4];
        Task.WaitAll(Task.Run(() => Array.Copy(source, 0, target, 0, 2)), Task.Run(() => Array.Copy(source, 2, target, 2, 2)));
        Array.Sort(target);
    }

    [Expect(Verdict.Racy)]
    public static void SpanCopyIntoElementBeingRead()
    {
        int[] source = [1, 2, 3, 4];
        int[] target = new int[4];
        Task copier = Task.Run(() => source.AsSpan().CopyTo(target));
        int seen = target[3];
        copier.Wait();
        GC.KeepAlive(seen);
    }

    [Expect(Verdict.RaceFree)]
    public static void SpanCopiesIntoDisjointHalves()
    {
        int[] source = [1, 2, 3, 4];
        int[] target = new int[4];
        Task.WaitAll(
            Task.Run(() => source.AsSpan(0, 2).CopyTo(target.AsSpan(0, 2))),
            Task.Run(() => new ReadOnlySpan<int>(source, 2, 2).CopyTo(new Span<int>(target, 2, 2))));
        target.AsSpan().Fill(0);
    }

    [Expect(Verdict.Racy)]
    public static void ArraySortWhileElementWritten()
    {
        int[] data = [3, 1, 2];
        Task sorter = Task.Run(() => Array.Sort(data));
        data[0] = 5;
        sorter.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static void ConcurrentQueueHandsOverWork()
    {
        var job = new Job();
        var queue = new ConcurrentQueue<Job>();
        Task producer = Task.Run(() =>
        {
            job.Input = 21;
            queue.Enqueue(job);
        });
        Task consumer = Task.Run(() =>
        {
            while (!queue.TryDequeue(out Job? taken))
            {
                Thread.Yield();
            }

            job.Input *= 2;
        });
        Task.WaitAll(producer, consumer);
    }

    /// <summary>A static lookup table built by a helper of the static constructor, read by two tasks.</summary>
    [Expect(Verdict.RaceFree)]
    public static void StaticTableBuiltByTheTypeInitializer()
    {
        Task<int>[] readers = [Task.Run(() => Lookup.Of("b")), Task.Run(() => Lookup.Of("a"))];
        Task.WaitAll(readers);
    }

    [Expect(Verdict.RaceFree)]
    public static void BlockingCollectionConsumingLoop()
    {
        using var work = new BlockingCollection<Job>();
        Task producer = Task.Run(() =>
        {
            for (int i = 0; i < 5; i++)
            {
                work.Add(new Job { Input = i });
            }

            work.CompleteAdding();
        });
        int sum = 0;
        foreach (Job job in work.GetConsumingEnumerable())
        {
            sum += job.Input;
        }

        producer.Wait();
        GC.KeepAlive(sum);
    }

    /// <summary>Taking one item orders nothing with the put of another (per item, as a channel).</summary>
    [Expect(Verdict.Racy)]
    public static void ConcurrentQueueOtherItemOrdersNothing()
    {
        var shared = new Job();
        var queue = new ConcurrentQueue<Job>();
        queue.Enqueue(new Job());
        Task producer = Task.Run(() =>
        {
            shared.Input = 1;
            queue.Enqueue(new Job());
        });
        Task consumer = Task.Run(() =>
        {
            if (queue.TryDequeue(out Job? first))
            {
                shared.Input = first.Input + 2;
            }
        });
        Task.WaitAll(producer, consumer);
    }

    /// <summary>A take orders the putter's past, not what the taker did before: two takers race.</summary>
    [Expect(Verdict.Racy)]
    public static void ConcurrentQueueTakersAreNotOrdered()
    {
        var job = new Job();
        var queue = new ConcurrentQueue<int>([1, 2]);
        Task.WaitAll(
            Task.Run(() =>
            {
                job.Input = 1;
                queue.TryDequeue(out _);
            }),
            Task.Run(() =>
            {
                job.Input = 2;
                queue.TryDequeue(out _);
            }));
    }

    private static class Lookup
    {
        private static readonly Dictionary<string, int> s_table = Build();

        public static int Of(string key) => s_table.TryGetValue(key, out int value) ? value : -1;

        private static Dictionary<string, int> Build()
        {
            var table = new Dictionary<string, int>();
            table.Add("a", 1);
            table["b"] = 2;
            return table;
        }
    }

    private sealed class Job
    {
        public int Input;
    }
}
