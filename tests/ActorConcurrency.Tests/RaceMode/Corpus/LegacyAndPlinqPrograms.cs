namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Two idioms older code still writes: the legacy <c>ReaderWriterLock</c> (a release of either lock happens before every
/// later acquisition; race mode also orders readers with each other, which can hide a race but never invent one) and
/// PLINQ's <c>ForAll</c>, whose every call of the action is an iteration of its own (Go: a goroutine each), all joined
/// when <c>ForAll</c> returns.
/// </summary>
internal static class LegacyAndPlinqPrograms
{
    [Expect(Verdict.RaceFree)]
    public static void LegacyReaderWriterLockWriterThenReader()
    {
        var cell = new Cell();
        var gate = new ReaderWriterLock();
        Task writer = Task.Run(() =>
        {
            gate.AcquireWriterLock(Timeout.Infinite);
            try
            {
                cell.Value++;
            }
            finally
            {
                gate.ReleaseWriterLock();
            }
        });
        Task reader = Task.Run(() =>
        {
            gate.AcquireReaderLock(Timeout.Infinite);
            try
            {
                GC.KeepAlive(cell.Value);
            }
            finally
            {
                gate.ReleaseReaderLock();
            }
        });
        Task.WaitAll(writer, reader);
    }

    [Expect(Verdict.RaceFree)]
    public static void LegacyReaderWriterLockUpgrade()
    {
        var cell = new Cell();
        var gate = new ReaderWriterLock();
        Task[] tasks = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            gate.AcquireReaderLock(Timeout.Infinite);
            try
            {
                LockCookie cookie = gate.UpgradeToWriterLock(Timeout.Infinite);
                try
                {
                    cell.Value++;
                }
                finally
                {
                    gate.DowngradeFromWriterLock(ref cookie);
                }
            }
            finally
            {
                gate.ReleaseReaderLock();
            }
        }))];
        Task.WaitAll(tasks);
    }

    /// <summary>A write outside the lock races with a read under the reader lock.</summary>
    [Expect(Verdict.Racy)]
    public static void LegacyReaderWriterLockBypassedByAWriter()
    {
        var cell = new Cell();
        var gate = new ReaderWriterLock();
        Task writer = Task.Run(() => cell.Value++);
        Task reader = Task.Run(() =>
        {
            gate.AcquireReaderLock(Timeout.Infinite);
            try
            {
                GC.KeepAlive(cell.Value);
            }
            finally
            {
                gate.ReleaseReaderLock();
            }
        });
        Task.WaitAll(writer, reader);
    }

    [Expect(Verdict.Racy)]
    public static void PlinqForAllAddsToAList()
    {
        var seen = new List<int>();
        Enumerable.Range(0, 64).AsParallel().ForAll(i => seen.Add(i));
    }

    [Expect(Verdict.RaceFree)]
    public static void PlinqForAllFillsItsOwnSlotsThenJoins()
    {
        int[] slots = new int[64];
        Enumerable.Range(0, slots.Length).AsParallel().ForAll(i => slots[i] = i + 1);
        GC.KeepAlive(slots.Sum());
    }

    private sealed class Cell
    {
        public int Value;
    }
}
