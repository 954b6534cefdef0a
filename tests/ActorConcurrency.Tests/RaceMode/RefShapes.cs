namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Accesses through <c>ref</c> locals, <c>ref</c> parameters and <c>ref</c> returns whose target is only known at
/// run time (a reassigned <c>ref</c>, a walk down a chain of links), each as a racy program and a race-free one.
/// <see cref="RefTargetSpec"/> runs their rewritten copies under race mode.
/// </summary>
internal static class RefShapes
{
    private const int Nodes = 3;

    public static async Task ChainWalkPublished()
    {
        // The LockFreeReadTable shape: walk to the last link with a reassigned ref local, publish with one release.
        var chain = new Chain();
        await Task.WhenAll(Task.Run(() =>
        {
            for (int i = 1; i <= Nodes; i++)
            {
                chain.AppendPublished(i);
            }
        }), Task.Run(chain.AwaitAll));
    }

    public static async Task ChainWalkPlainStore()
    {
        var chain = new Chain();
        await Task.WhenAll(Task.Run(() =>
        {
            for (int i = 1; i <= Nodes; i++)
            {
                chain.AppendPlain(i);
            }
        }), Task.Run(chain.AwaitAll));
    }

    public static async Task ReassignedSlotsApart()
    {
        var pair = new Pair();
        await Task.WhenAll(Task.Run(() => pair.Store(toCell: false)), Task.Run(() => pair.Store(toCell: true)));
    }

    public static async Task ReassignedSlotRacy()
    {
        var pair = new Pair();
        await Task.WhenAll(Task.Run(() => pair.Store(toCell: true)), Task.Run(() => pair.Store(toCell: true)));
    }

    public static async Task StructFieldsThroughReassignedRefApart()
    {
        var points = new PointPair();
        await Task.WhenAll(Task.Run(() => points.Bump(second: false)), Task.Run(() => points.Bump(second: true)));
    }

    public static async Task StructFieldThroughReassignedRefRacy()
    {
        var points = new PointPair();
        await Task.WhenAll(Task.Run(() => points.Bump(second: true)), Task.Run(() => points.Bump(second: true)));
    }

    public static async Task InterlockedThroughReassignedRefPublishes()
    {
        var flags = new Flags();
        await Task.WhenAll(Task.Run(flags.RaiseThroughRef), Task.Run(() =>
        {
            while (Volatile.Read(ref flags.Ready) == 0)
            {
                Thread.Yield();
            }

            _ = flags.Data;
        }));
    }

    public static async Task InterlockedThroughReassignedRefMixedWithPlainRead()
    {
        var flags = new Flags();
        await Task.WhenAll(Task.Run(flags.RaiseThroughRef), Task.Run(() => _ = flags.Ready));
    }

    public static async Task RefParameterWalkPublished()
    {
        var chain = new Chain();
        await Task.WhenAll(Task.Run(() =>
        {
            for (int i = 1; i <= Nodes; i++)
            {
                Chain.AppendAt(ref chain.Head, new Link { Value = i });
            }
        }), Task.Run(chain.AwaitAll));
    }

    public static Task RefParameterRacy()
    {
        var counter = new Counter();
        return Twice(() => Bump(ref counter.Value));
    }

    public static async Task RefReturnApart()
    {
        var cells = new Cells();
        await Task.WhenAll(Task.Run(() => cells.At(0) = 1), Task.Run(() => cells.At(1) = 2));
    }

    public static Task RefReturnRacy()
    {
        var cells = new Cells();
        return Twice(() => cells.At(1)++);
    }

    public static async Task RefReturnPublished()
    {
        var chain = new Chain();
        await Task.WhenAll(Task.Run(() =>
        {
            for (int i = 1; i <= Nodes; i++)
            {
                Volatile.Write(ref chain.Last(), new Link { Value = i });
            }
        }), Task.Run(chain.AwaitAll));
    }

    private static void Bump(ref int counter) => counter++;

    private static async Task Twice(Action body)
    {
        await Task.WhenAll(Task.Run(body), Task.Run(body));
    }

    /// <summary>A singly linked chain appended to by one writer and walked by one reader.</summary>
    private sealed class Chain
    {
        public Link? Head;

        public static void AppendAt(ref Link? link, Link node)
        {
            while (Volatile.Read(ref link) is { } current)
            {
                link = ref current.Next;
            }

            Volatile.Write(ref link, node);
        }

        public void AppendPublished(int value)
        {
            var node = new Link { Value = value };
            ref Link? link = ref Head;
            while (Volatile.Read(ref link) is { } current)
            {
                link = ref current.Next;
            }

            Volatile.Write(ref link, node);
        }

        public void AppendPlain(int value)
        {
            var node = new Link { Value = value };
            ref Link? link = ref Head;
            while (link is { } current)
            {
                link = ref current.Next;
            }

            link = node;
        }

        /// <summary>The link after the last node (a ref return walked to through a reassigned ref local).</summary>
        public ref Link? Last()
        {
            ref Link? link = ref Head;
            while (Volatile.Read(ref link) is { } current)
            {
                link = ref current.Next;
            }

            return ref link;
        }

        /// <summary>Reader: acquires each named link (as LockFreeReadTable's readers do) until every node arrived.</summary>
        public void AwaitAll()
        {
            int seen = 0;
            Link? node = null;
            while (seen < Nodes)
            {
                Link? next = node is null ? Volatile.Read(ref Head) : Volatile.Read(ref node.Next);
                if (next is null)
                {
                    Thread.Yield();
                    continue;
                }

                seen += next.Value > 0 ? 1 : 0;
                node = next;
            }
        }
    }

    /// <summary>A node of <see cref="Chain"/>.</summary>
    private sealed class Link
    {
        public int Value;
        public Link? Next;
    }

    /// <summary>Two places a reassigned ref local can point at: a field and an array element.</summary>
    private sealed class Pair
    {
        public int Left;
        public int[] Cells = new int[4];

        public void Store(bool toCell)
        {
            ref int slot = ref Left;
            if (toCell)
            {
                slot = ref Cells[1];
            }

            slot = 1;
        }
    }

    /// <summary>Two struct fields a reassigned ref local can point at.</summary>
    private sealed class PointPair
    {
        public Point First;
        public Point Second;

        public void Bump(bool second)
        {
            ref Point point = ref First;
            if (second)
            {
                point = ref Second;
            }

            point.X++;
        }
    }

    /// <summary>A mutable struct.</summary>
    private struct Point
    {
        public int X;
    }

    /// <summary>A value published by raising a flag through a reassigned ref local.</summary>
    private sealed class Flags
    {
        public int Data;
        public int Spare;
        public int Ready;

        public void RaiseThroughRef()
        {
            Data = 42;
            ref int flag = ref Spare;
            if (Data > 0)
            {
                flag = ref Ready;
            }

            Interlocked.Exchange(ref flag, 1);
        }
    }

    /// <summary>A counter bumped through a ref parameter.</summary>
    private sealed class Counter
    {
        public int Value;
    }

    /// <summary>Cells reached through a ref-returning indexer method.</summary>
    private sealed class Cells
    {
        private readonly int[] _cells = new int[4];

        public ref int At(int index) => ref _cells[index];
    }
}
