namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// The sequential model of an LRU, as simple as possible so it is obviously right: a list of entries,
/// most recently used first, searched linearly. Properties compare the exact forms with it (and the
/// CLOCK form with <see cref="ClockModel"/>).
/// </summary>
internal sealed class LruModel : LruSubject
{
    private readonly List<(int Key, int Value)> _entries = [];
    private readonly int _capacity;

    public LruModel(int capacity, bool traceOrder)
        : base(traceOrder) => _capacity = capacity;

    public override IReadOnlyList<string> BrokenInvariants() => _entries.Count <= _capacity ? [] : ["count <= capacity"];

    protected override (bool Found, int Value) Get(int key)
    {
        int i = _entries.FindIndex(e => e.Key == key);
        if (i < 0)
        {
            return (false, 0);
        }

        var entry = _entries[i];
        _entries.RemoveAt(i);
        _entries.Insert(0, entry);
        return (true, entry.Value);
    }

    protected override void Put(int key, int value)
    {
        int i = _entries.FindIndex(e => e.Key == key);
        if (i >= 0)
        {
            _entries.RemoveAt(i);
        }
        else if (_entries.Count == _capacity)
        {
            _entries.RemoveAt(_entries.Count - 1);
        }

        _entries.Insert(0, (key, value));
    }

    protected override bool Delete(int key) => _entries.RemoveAll(e => e.Key == key) > 0;

    protected override IReadOnlyList<int> Order() => _entries.Select(e => e.Key).Reverse().ToList();
}
