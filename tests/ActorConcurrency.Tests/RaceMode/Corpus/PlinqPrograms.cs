namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// PLINQ operators with side effects (<c>ForAll</c> is in <see cref="LegacyAndPlinqPrograms"/>). A query runs when a
/// terminal operator (<c>ToList</c>, <c>Sum</c>, <c>Count</c>, …) or a <c>foreach</c> executes it: what the caller did
/// before that happens before every call of the query's delegates, each call is a logical thread of its own (they run
/// concurrently on the query's workers), and every call happens before the terminal operator returns, or before the
/// <c>MoveNext</c> that yields an element the call produced.
/// </summary>
internal static class PlinqPrograms
{
    [Expect(Verdict.Racy)]
    public static void SelectAddsToAList()
    {
        var list = new List<int>();
        GC.KeepAlive(Enumerable.Range(0, 100).AsParallel().Select(x =>
        {
            list.Add(x);
            return x;
        }).ToList());
    }

    [Expect(Verdict.Racy)]
    public static void WhereCountsInASharedField()
    {
        var cell = new Cell();
        GC.KeepAlive(Enumerable.Range(0, 100).AsParallel().Where(x =>
        {
            cell.Value++;
            return x % 2 == 0;
        }).Count());
    }

    [Expect(Verdict.Racy)]
    public static void SumSelectorWritesASharedField()
    {
        var cell = new Cell();
        GC.KeepAlive(Enumerable.Range(0, 100).AsParallel().Sum(x =>
        {
            cell.Value = x;
            return x;
        }));
    }

    /// <summary>The caller writes after handing the query to a task that runs it: nothing orders the two.</summary>
    [Expect(Verdict.Racy)]
    public static void CallerWritesWhileAnotherTaskRunsTheQuery()
    {
        var cell = new Cell();
        ParallelQuery<int> query = Enumerable.Range(0, 100).AsParallel().Select(x => x + cell.Value);
        Task<List<int>> run = Task.Run(() => query.ToList());
        cell.Value = 5;
        GC.KeepAlive(run.Result);
    }

    [Expect(Verdict.RaceFree)]
    public static void SelectFillsItsOwnSlotsThenTheCallerReadsThem()
    {
        int[] slots = new int[100];
        int[] ids = Enumerable.Range(0, slots.Length).AsParallel().Select(i =>
        {
            slots[i] = i * 2;
            return i;
        }).ToArray();
        int sum = 0;
        foreach (int slot in slots)
        {
            sum += slot;
        }

        GC.KeepAlive(ids);
        GC.KeepAlive(sum);
    }

    [Expect(Verdict.RaceFree)]
    public static void WrittenBeforeTheQueryRuns()
    {
        var cell = new Cell { Value = 5 };
        GC.KeepAlive(Enumerable.Range(0, 100).AsParallel().Sum(x => x + cell.Value));
        cell.Value = 6;
    }

    /// <summary>Each element is an object the call marked; the loop reads the mark of the element it was handed.</summary>
    [Expect(Verdict.RaceFree)]
    public static void ForeachReadsWhatTheCallOfItsElementWrote()
    {
        Cell[] cells = [.. Enumerable.Range(0, 50).Select(_ => new Cell())];
        int marked = 0;
        foreach (Cell cell in cells.AsParallel().Select(c =>
        {
            c.Value = 1;
            return c;
        }))
        {
            marked += cell.Value;
        }

        GC.KeepAlive(marked);
    }

    [Expect(Verdict.RaceFree)]
    public static void AggregateWithPerPartitionAccumulators()
    {
        int total = Enumerable.Range(0, 100).AsParallel().Aggregate(
            () => new Cell(),
            (cell, x) =>
            {
                cell.Value += x;
                return cell;
            },
            (left, right) =>
            {
                left.Value += right.Value;
                return left;
            },
            cell => cell.Value);
        GC.KeepAlive(total);
    }

    /// <summary>A call creates the element the next operator's call reads: the worker hands it on.</summary>
    [Expect(Verdict.RaceFree)]
    public static void SelectHandsNewObjectsToWhereAndOrderBy()
    {
        List<Cell> big = Enumerable.Range(0, 100).AsParallel()
            .Select(x => new Cell { Value = x })
            .Where(c => c.Value > 10)
            .OrderBy(c => c.Value)
            .ToList();
        big[0].Value++;
    }

    /// <summary>One query run twice, the second time after an enumeration left early; a lambda runs a query of its own.</summary>
    [Expect(Verdict.RaceFree)]
    public static void QueryRunAgainAfterAnEnumerationLeftEarly()
    {
        var cell = new Cell();
        ParallelQuery<int> query = Enumerable.Range(0, 100).AsParallel().Select(x => x + cell.Value);
        foreach (int first in query)
        {
            GC.KeepAlive(first);
            break;
        }

        GC.KeepAlive(query.Sum());
        GC.KeepAlive(Enumerable.Range(0, 4).AsParallel().Select(i => Enumerable.Range(0, 10).AsParallel().Select(x => x + i + cell.Value).Sum()).ToArray());
        GC.KeepAlive(query.Max());
    }

    [Expect(Verdict.RaceFree)]
    public static void ToDictionaryOfObjectsTheCallsMade()
    {
        Dictionary<int, Cell> cells = Enumerable.Range(0, 100).AsParallel().ToDictionary(x => x, x => new Cell { Value = x });
        cells[5].Value++;
    }

    private sealed class Cell
    {
        public int Value;
    }
}
