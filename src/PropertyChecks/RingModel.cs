namespace ActorConcurrency.PropertyChecks;

/// <summary>The sequential model of a bounded FIFO ring: a <see cref="Queue{T}"/> that refuses items past its capacity.</summary>
internal sealed class RingModel : IRingSubject
{
    private readonly Queue<int> _items = new();
    private readonly List<string> _log = [];
    private readonly int _capacity;

    public RingModel(int capacity) => _capacity = capacity;

    public IReadOnlyCollection<string> Log => _log;

    public void TryEnqueue(int item) => _log.Add($"TryEnqueue({item})={Enqueue(item)}");

    public void TryDequeue() => _log.Add(_items.TryDequeue(out int item) ? $"TryDequeue()={item}" : "TryDequeue()=empty");

    public void TryEnqueueMany(int[] items) => _log.Add($"TryEnqueueMany([{string.Join(",", items)}])={items.TakeWhile(Enqueue).Count()}");

    public void TryDequeueMany(int max)
    {
        var taken = new List<int>();
        while (taken.Count < max && _items.TryDequeue(out int item))
        {
            taken.Add(item);
        }

        _log.Add($"TryDequeueMany({max})=[{string.Join(",", taken)}]");
    }

    public IReadOnlyList<int> Remaining() => _items.ToList();

    public override string ToString() => string.Join(Environment.NewLine, _log) + $"{Environment.NewLine}remaining=[{string.Join(",", _items)}]";

    private bool Enqueue(int item)
    {
        if (_items.Count == _capacity)
        {
            return false;
        }

        _items.Enqueue(item);
        return true;
    }
}
