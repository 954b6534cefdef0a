namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Idioms whose safety comes from the framework or the compiler rather than from a call race mode brackets: a
/// <c>ThreadLocal&lt;T&gt;</c> value is its real thread's own (the logical threads that run on one real thread run one
/// after another), a field-like event's <c>add</c>/<c>remove</c> are the compiler's compare-and-swap loop, and a pooled
/// buffer given back with <c>Return</c> happens before the <c>Rent</c> that hands it out again.
/// </summary>
internal static class IdiomPrograms
{
    [Expect(Verdict.RaceFree)]
    public static void ThreadLocalAccumulatorsInParallelFor()
    {
        using var local = new ThreadLocal<Cell>(() => new Cell(), trackAllValues: true);
        Parallel.For(0, 100, i => local.Value!.Value += i);
        GC.KeepAlive(local.Values.Sum(c => c.Value));
    }

    /// <summary>The same accumulators, shared by mistake: one cell for every thread.</summary>
    [Expect(Verdict.Racy)]
    public static void ThreadLocalHandingOutOneSharedCell()
    {
        var shared = new Cell();
        using var local = new ThreadLocal<Cell>(() => shared);
        Task other = Task.Run(() => local.Value!.Value++);
        local.Value!.Value++;
        other.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static void EventSubscribedFromManyTasks()
    {
        var source = new Source();
        Task[] tasks = [.. Enumerable.Range(0, 8).Select(_ => Task.Run(() => source.Changed += () => { }))];
        Task.WaitAll(tasks);
        source.Raise();
    }

    [Expect(Verdict.RaceFree)]
    public static void ArrayPoolBuffersReusedAcrossTasks()
    {
        Task[] tasks = [.. Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            for (int k = 0; k < 50; k++)
            {
                int[] buffer = System.Buffers.ArrayPool<int>.Shared.Rent(16);
                buffer[0] = i;
                buffer[1] = buffer[0];
                System.Buffers.ArrayPool<int>.Shared.Return(buffer);
            }
        }))];
        Task.WaitAll(tasks);
    }

    /// <summary>One rented buffer handed to a second task while the renter still writes it: the pool orders nothing here.</summary>
    [Expect(Verdict.Racy)]
    public static void RentedBufferSharedWithoutAHandOver()
    {
        int[] buffer = System.Buffers.ArrayPool<int>.Shared.Rent(16);
        Task other = Task.Run(() => buffer[0] = 1);
        buffer[0] = 2;
        other.Wait();
        System.Buffers.ArrayPool<int>.Shared.Return(buffer);
    }

    private sealed class Cell
    {
        public int Value;
    }

    private sealed class Source
    {
        public event Action? Changed;

        public void Raise() => Changed?.Invoke();
    }
}
