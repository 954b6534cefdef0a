using System.Collections.Concurrent;

namespace ActorConcurrency.Host.PropertyChecks;

/// <summary>
/// The shared part of every <see cref="ILruSubject"/>: the log (thread-safe, since a parallel property runs
/// operations on several threads at once) and the final-state snapshot. The final state is read as the
/// recency order, then each key's value read from the least to the most recently used, which puts every
/// key back in the same order, so the snapshot does not disturb what it observes.
/// </summary>
internal abstract class LruSubject : ILruSubject
{
    private readonly ConcurrentQueue<string> _log = new();
    private readonly bool _traceOrder;
    private IReadOnlyList<string>? _finalState;

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
        if (_finalState is null)
        {
            IReadOnlyList<int> order = Order();
            var values = new string[order.Count];
            for (int i = order.Count - 1; i >= 0; i--)
            {
                (bool found, int value) = Get(order[i]);
                values[i] = found ? $"{order[i]}={value}" : $"{order[i]}=lost";
            }

            _finalState = values;
        }

        return _finalState;
    }

    public abstract IReadOnlyList<string> BrokenInvariants();

    public override string ToString() => string.Join(Environment.NewLine, _log);

    protected abstract (bool Found, int Value) Get(int key);

    protected abstract void Put(int key, int value);

    protected abstract bool Delete(int key);

    protected abstract IReadOnlyList<int> Order();

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
