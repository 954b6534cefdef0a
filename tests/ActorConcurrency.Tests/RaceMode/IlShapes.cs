namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// One small program per IL shape the rewriter handles, each as a racy form and a correct one. They are plain C#:
/// <see cref="RewriterShapeSpec"/> runs their rewritten copies under race mode.
/// </summary>
internal static class IlShapes
{
    private static int s_counter;

    [ThreadStatic]
    private static int t_cell;

    private static int s_nextCell;
    private static readonly Lock s_gate = new();

    public static Task StaticFieldRacy() => Twice(() => s_counter++);

    public static Task StaticFieldLocked() => Twice(() =>
    {
        lock (s_gate)
        {
            s_counter++;
        }
    });

    public static Task StructFieldRacy()
    {
        var holder = new PointHolder();
        return Twice(() => holder.Point.X++);
    }

    public static async Task StructFieldsApart()
    {
        // X and Y of one struct field are two locations: one writer each is no race.
        var holder = new PointHolder();
        await Task.WhenAll(Task.Run(() => holder.Point.X = 1), Task.Run(() => holder.Point.Y = 2));
    }

    public static Task ArrayElementRacy()
    {
        int[] cells = new int[4];
        return Twice(() => cells[1]++);
    }

    public static async Task ArrayElementsApart()
    {
        int[] cells = new int[4];
        await Task.WhenAll(Task.Run(() => cells[0] = 1), Task.Run(() => cells[1] = 2));
    }

    public static Task GenericFieldRacy()
    {
        var box = new Box<string>();
        return Twice(() => box.Value = "written");
    }

    public static async Task GenericStaticsApart()
    {
        // Box<int>.Count and Box<string>.Count are different variables.
        await Task.WhenAll(Task.Run(() => Box<int>.Count++), Task.Run(() => Box<string>.Count++));
    }

    public static async Task AsyncStateMachineAcrossAwaits()
    {
        // The hoisted local moves between real threads at each await: its accesses are ordered, never a race.
        int hoisted = 0;
        for (int i = 0; i < 4; i++)
        {
            await Task.Yield();
            hoisted++;
        }

        await Task.Run(() => hoisted++);
        hoisted++;
    }

    public static async Task AsyncStateMachineRacy()
    {
        var owner = new AsyncOwner();
        await Task.WhenAll(owner.BumpAfterYieldAsync(), owner.BumpAfterYieldAsync());
    }

    public static Task ClosureFieldRacy()
    {
        int captured = 0;
        return Twice(() => captured++);
    }

    public static async Task ClosureFieldJoined()
    {
        int captured = 0;
        await Task.Run(() => captured++);
        await Task.Run(() => captured++);
    }

    public static Task RefLocalRacy()
    {
        var box = new Box<int>();
        return Twice(() =>
        {
            ref int value = ref box.Value;
            value = 7;
        });
    }

    public static async Task RefLocalJoined()
    {
        var box = new Box<int>();
        await Task.Run(() =>
        {
            ref int value = ref box.Value;
            value = 7;
        });
        _ = box.Value;
    }

    public static async Task ThreadStaticOwnedCells()
    {
        // Each real thread bumps only its own cell, found through a thread-static (StripedHitCounts' shape): the
        // tasks that share a real thread run one after another there, so plain bumps are no race.
        long[] cells = new long[64];
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => cells[OwnCell()]++)));
    }

    public static void ThreadStaticTouchedOnTwoThreads()
    {
        // Touching a thread-static orders nothing across real threads: two threads bumping one cell race.
        long[] cells = new long[1];
        var threads = new[] { new Thread(() => cells[OwnCell() * 0]++), new Thread(() => cells[OwnCell() * 0]++) };
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }
    }

    private static int OwnCell()
    {
        if (t_cell == 0)
        {
            t_cell = (Interlocked.Increment(ref s_nextCell) % 64) + 1;
        }

        return t_cell - 1;
    }

    private static async Task Twice(Action body)
    {
        await Task.WhenAll(Task.Run(body), Task.Run(body));
    }

    /// <summary>A class with a struct field.</summary>
    private sealed class PointHolder
    {
        public MutablePoint Point;
    }

    /// <summary>A mutable struct.</summary>
    private struct MutablePoint
    {
        public int X;
        public int Y;
    }

    /// <summary>A generic class with an instance and a static field.</summary>
    private sealed class Box<T>
    {
        public static int Count;
        public T? Value;
    }

    /// <summary>An async method touching its object after an await.</summary>
    private sealed class AsyncOwner
    {
        private int _bumps;

        public async Task BumpAfterYieldAsync()
        {
            await Task.Yield();
            _bumps++;
        }
    }
}
