namespace ActorConcurrency.Tests.RaceMode.Corpus;

/// <summary>
/// Callbacks handed to the framework by other means than a delegate to the pool: an <c>IThreadPoolWorkItem</c>, a
/// callback posted or sent to a <c>SynchronizationContext</c>, and continuations of tasks with a result
/// (<c>ContinueWhenAll/Any&lt;TAntecedentResult&gt;</c>); and tasks started with a state object or by a
/// <c>TaskFactory&lt;TResult&gt;</c>. The code that handed a callback over happens before its
/// run (Go: the go statement before the goroutine); nothing orders the run with what its submitter does next, except a
/// wait for a signal the run sets, or <c>Send</c>, which returns after the run.
/// </summary>
internal static class CallbackPrograms
{
    [Expect(Verdict.RaceFree)]
    public static void WorkItemAfterTheWriteThenWaited()
    {
        var cell = new Cell { Value = 1 };
        using var done = new ManualResetEventSlim();
        ThreadPool.UnsafeQueueUserWorkItem(new Increment(cell, done), preferLocal: false);
        done.Wait();
        cell.Value++;
    }

    [Expect(Verdict.Racy)]
    public static void WorkItemRacesWithItsSubmitter()
    {
        var cell = new Cell();
        using var done = new ManualResetEventSlim();
        ThreadPool.UnsafeQueueUserWorkItem(new Increment(cell, done), preferLocal: false);
        cell.Value = 5;
        done.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static void PostedCallbackAfterTheWriteThenWaited()
    {
        var cell = new Cell { Value = 1 };
        using var done = new ManualResetEventSlim();
        new SynchronizationContext().Post(_ =>
        {
            cell.Value++;
            done.Set();
        }, null);
        done.Wait();
        cell.Value++;
    }

    [Expect(Verdict.Racy)]
    public static void PostedCallbackRacesWithItsPoster()
    {
        var cell = new Cell();
        using var done = new ManualResetEventSlim();
        new SynchronizationContext().Post(_ =>
        {
            cell.Value++;
            done.Set();
        }, null);
        cell.Value = 5;
        done.Wait();
    }

    /// <summary>A sent callback has ended when <c>Send</c> returns, whichever thread ran it.</summary>
    [Expect(Verdict.RaceFree)]
    public static void SentCallbackEndsBeforeSendReturns()
    {
        var cell = new Cell();
        var pool = new PoolContext();
        pool.Send(_ => cell.Value = 1, null);
        cell.Value++;
    }

    [Expect(Verdict.RaceFree)]
    public static void ContinueWhenAllOfResultsSeesTheirWrites()
    {
        var cells = new[] { new Cell(), new Cell() };
        Task<int>[] tasks = [.. cells.Select((cell, i) => Task.Run(() =>
        {
            cell.Value = i + 1;
            return i;
        }))];
        int sum = Task.Factory.ContinueWhenAll(tasks, done => done.Sum(t => t.Result) + cells.Sum(c => c.Value)).Result;
        cells[0].Value = sum;
    }

    [Expect(Verdict.Racy)]
    public static void ContinueWhenAllOfResultsRacesWithItsCaller()
    {
        var cell = new Cell();
        Task<int>[] tasks = [Task.Run(() => 1), Task.Run(() => 2)];
        Task continuation = Task.Factory.ContinueWhenAll(tasks, _ => cell.Value++);
        cell.Value = 5;
        continuation.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static void ContinueWhenAnyOfResultsSeesTheOneThatCompleted()
    {
        var cell = new Cell();
        Task<int> only = Task.Run(() =>
        {
            cell.Value = 1;
            return 1;
        });
        Task.Factory.ContinueWhenAny([only], t => cell.Value += t.Result).Wait();
        cell.Value++;
    }

    [Expect(Verdict.RaceFree)]
    public static void StartNewWithStateJoined()
    {
        var cell = new Cell();
        Task.Factory.StartNew(state => ((Cell)state!).Value++, cell).Wait();
        cell.Value++;
    }

    [Expect(Verdict.Racy)]
    public static void StartNewWithStateRacesWithItsStarter()
    {
        var cell = new Cell();
        Task started = Task.Factory.StartNew(state => ((Cell)state!).Value++, cell);
        cell.Value = 5;
        started.Wait();
    }

    [Expect(Verdict.RaceFree)]
    public static void GenericFactoryStartNewJoined()
    {
        var cell = new Cell();
        int value = Task<int>.Factory.StartNew(() => ++cell.Value).Result;
        cell.Value = value + 1;
    }

    [Expect(Verdict.Racy)]
    public static void GenericFactoryStartNewRacesWithItsStarter()
    {
        var cell = new Cell();
        Task<int> started = Task<int>.Factory.StartNew(() => ++cell.Value);
        cell.Value = 5;
        started.Wait();
    }

    private sealed class Increment(Cell cell, ManualResetEventSlim done) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            cell.Value++;
            done.Set();
        }
    }

    /// <summary>A context whose <c>Send</c> runs the callback on a pool thread and waits for it, as a UI context runs it on its own thread.</summary>
    private sealed class PoolContext : SynchronizationContext
    {
        public override void Send(SendOrPostCallback d, object? state) => Task.Factory.StartNew(() => d(state), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default).Wait();
    }

    private sealed class Cell
    {
        public int Value;
    }
}
