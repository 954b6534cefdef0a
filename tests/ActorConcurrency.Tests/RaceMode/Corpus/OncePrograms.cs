using System.Collections.Concurrent;

namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Once-style initialisation (Go's <c>sync.Once</c> tests, <c>twoprint</c> among them) with <c>Lazy&lt;T&gt;</c>,
/// <c>LazyInitializer</c> and <c>ConcurrentDictionary</c> factories: what the factory did happens before every caller
/// that gets the value, and nothing else is ordered.
/// </summary>
internal static class OncePrograms
{
    private static int s_first;
    private static int s_second;

    /// <summary>Go's twoprint: the factory writes two statics; the other thread reads them after <c>Value</c>.</summary>
    [Expect(Verdict.RaceFree)]
    public static void LazyTwoPrint()
    {
        var once = new Lazy<bool>(() =>
        {
            s_first = 1;
            s_second = 2;
            return true;
        });
        Task<int> other = Task.Run(() => once.Value ? s_first + s_second : 0);
        int mine = once.Value ? s_first + s_second : 0;
        GC.KeepAlive(mine + other.Result);
    }

    [Expect(Verdict.RaceFree)]
    public static void LazyFactoryBuildsWhatCallersRead()
    {
        var box = new Box();
        var lazy = new Lazy<Box>(() =>
        {
            box.Value = 42;
            return box;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        Task<int>[] readers = [Task.Run(() => lazy.Value.Value), Task.Run(() => lazy.Value.Value)];
        Task.WaitAll(readers);
    }

    /// <summary><c>Value</c> orders the factory before each caller, not the callers with each other.</summary>
    [Expect(Verdict.Racy)]
    public static void LazyCallersWriteAfterValue()
    {
        var box = new Box();
        var lazy = new Lazy<int>(() => 1);
        Task.WaitAll(Task.Run(() => box.Value = lazy.Value), Task.Run(() => box.Value = lazy.Value + 1));
    }

    [Expect(Verdict.RaceFree)]
    public static void LazyInitializerFactoryBuildsWhatCallersRead()
    {
        var holder = new Holder();
        Task<int>[] readers = [Task.Run(() => holder.Get().Value), Task.Run(() => holder.Get().Value)];
        Task.WaitAll(readers);
    }

    [Expect(Verdict.RaceFree)]
    public static void LazyInitializerWithFlagAndLock()
    {
        var holder = new FlagHolder();
        Task<int>[] readers = [Task.Run(holder.Get), Task.Run(holder.Get)];
        Task.WaitAll(readers);
    }

    [Expect(Verdict.RaceFree)]
    public static void GetOrAddFactoryInitialisesWhatReaderReads()
    {
        var map = new ConcurrentDictionary<int, Box>();
        Task writer = Task.Run(() => map.GetOrAdd(1, _ => new Box { Value = 7 }));
        Task<int> reader = Task.Run(() => map.TryGetValue(1, out Box? box) ? box.Value : 0);
        Task.WaitAll(writer, reader);
    }

    [Expect(Verdict.RaceFree)]
    public static void ConcurrentDictionaryPublishesPerKey()
    {
        var shared = new Box();
        var map = new ConcurrentDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Task writer = Task.Run(() =>
        {
            shared.Value = 1;
            map["KEY"] = 1;
        });
        Task reader = Task.Run(() =>
        {
            while (!map.ContainsKey("key"))
            {
                Thread.Yield();
            }

            shared.Value++;
        });
        Task.WaitAll(writer, reader);
    }

    /// <summary>Observing one key orders nothing with the store of another.</summary>
    [Expect(Verdict.Racy)]
    public static void ConcurrentDictionaryOtherKeyOrdersNothing()
    {
        var shared = new Box();
        var map = new ConcurrentDictionary<int, int>();
        map[1] = 1;
        Task writer = Task.Run(() =>
        {
            shared.Value = 1;
            map[2] = 2;
        });
        Task reader = Task.Run(() =>
        {
            if (map.TryGetValue(1, out _))
            {
                shared.Value++;
            }
        });
        Task.WaitAll(writer, reader);
    }

    private sealed class Box
    {
        public int Value;
    }

    private sealed class FlagHolder
    {
        private readonly Box _box = new();
        private int _value;
        private bool _initialized;
        private object? _gate;

        public int Get()
        {
            int value = LazyInitializer.EnsureInitialized(ref _value, ref _initialized, ref _gate, () =>
            {
                _box.Value = 5;
                return 1;
            });
            return value + _box.Value;
        }
    }

    private sealed class Holder
    {
        private Box? _box;

        public Box Get() => LazyInitializer.EnsureInitialized(ref _box, () => new Box { Value = 3 });
    }
}
