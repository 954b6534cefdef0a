using System.Collections.Concurrent;

namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// The shared part of every <see cref="ILruSubject"/>: the log (thread-safe, since a parallel property runs
/// operations on several threads at once) and the final-state snapshot. The final state is read as the
/// recency order (<c>Keys()</c>, least recently used first), then each key's value read from the least to
/// the most recently used, which puts every key of an exact LRU back in the same order, so the snapshot
/// does not disturb what it observes — provided it is taken once, alone. (On the CLOCK form the reads set
/// every reference bit; actual and model take the same snapshot, so they still compare like for like.) CsCheck's SampleParallel calls <c>equal</c> for every candidate interleaving inside a
/// <c>Parallel.ForEach</c>, so several threads ask one subject for its final state at once; two snapshots
/// interleaving their promoting Gets would scramble the recency order and cache a state no linearization
/// has. The snapshot is therefore taken once, by the first caller, and every other caller waits for that one.
/// They wait on its task rather than on a lock: a thread pool thread blocked on a task is one the pool
/// replaces, so the waiting callers cannot starve the dispatcher that must run the actor's replies.
/// </summary>
internal abstract class LruSubject : ILruSubject
{
    private readonly ConcurrentQueue<string> _log = new();
    private readonly bool _traceOrder;
    private TaskCompletionSource<IReadOnlyList<string>>? _finalState;

    protected LruSubject(bool traceOrder) => _traceOrder = traceOrder;

    public IReadOnlyCollection<string> Log => _log;

    public string TryGet(int key)
    {
        (bool found, int value) = Get(key);
        return Record(found ? $"TryGet({key})={value}" : $"TryGet({key})=miss");
    }

    public string Set(int key, int value)
    {
        Put(key, value);
        return Record($"Set({key},{value})");
    }

    public string Remove(int key) => Record($"Remove({key})={Delete(key)}");

    public IReadOnlyList<string> FinalState()
    {
        var mine = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource<IReadOnlyList<string>>? first = Interlocked.CompareExchange(ref _finalState, mine, null);
        if (first is not null)
        {
            return first.Task.GetAwaiter().GetResult();
        }

        try
        {
            mine.SetResult(Snapshot());
        }
        catch (Exception error)
        {
            mine.SetException(error);
        }

        return mine.Task.GetAwaiter().GetResult();
    }

    public abstract IReadOnlyList<string> BrokenInvariants();

    public override string ToString() => string.Join(Environment.NewLine, _log);

    protected abstract (bool Found, int Value) Get(int key);

    protected abstract void Put(int key, int value);

    protected abstract bool Delete(int key);

    /// <summary>The keys from the least to the most recently used.</summary>
    protected abstract IReadOnlyList<int> Order();

    /// <summary>The recency order (least recently used first), then each key's value read in that order, which puts every key back in place.</summary>
    private IReadOnlyList<string> Snapshot()
    {
        IReadOnlyList<int> order = Order();
        var values = new string[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            (bool found, int value) = Get(order[i]);
            values[i] = found ? $"{order[i]}={value}" : $"{order[i]}=lost";
        }

        return values;
    }

    private string Record(string line)
    {
        if (_traceOrder)
        {
            line += " order=[" + string.Join(",", Order()) + "]";
        }

        _log.Enqueue(line);
        return line;
    }
}
