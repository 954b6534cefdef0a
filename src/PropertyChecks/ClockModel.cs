namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// The sequential model of the CLOCK (second-chance) LRU, as naive as <see cref="LruModel"/>: a list of
/// entries in insertion order (newest first), each with a reference bit. A hit sets the bit and moves
/// nothing; a set of a present key changes its value and sets its bit (a use, like a hit), moving nothing;
/// a set of an absent key puts its entry at the front with its bit clear; to evict, a referenced entry at the back
/// is cleared and moved to the front until the back one is unreferenced. The recency order it reports is
/// the order evictions would take: unreferenced entries back to front, then referenced ones back to front.
/// </summary>
internal sealed class ClockModel : LruSubject
{
    private readonly List<(int Key, int Value, bool Referenced)> _entries = [];
    private readonly int _capacity;

    public ClockModel(int capacity, bool traceOrder)
        : base(traceOrder) => _capacity = capacity;

    public override IReadOnlyList<string> BrokenInvariants() => _entries.Count <= _capacity ? [] : ["count <= capacity"];

    protected override (bool Found, int Value) Get(int key)
    {
        int i = _entries.FindIndex(e => e.Key == key);
        if (i < 0)
        {
            return (false, 0);
        }

        _entries[i] = _entries[i] with { Referenced = true };
        return (true, _entries[i].Value);
    }

    protected override void Put(int key, int value)
    {
        int present = _entries.FindIndex(e => e.Key == key);
        if (present >= 0)
        {
            // A set of a present key counts as a use: new value, bit set, position kept.
            _entries[present] = (key, value, true);
            return;
        }

        if (_entries.Count == _capacity)
        {
            while (_entries[^1].Referenced)
            {
                var swept = _entries[^1];
                _entries.RemoveAt(_entries.Count - 1);
                _entries.Insert(0, swept with { Referenced = false });
            }

            _entries.RemoveAt(_entries.Count - 1);
        }

        _entries.Insert(0, (key, value, false));
    }

    protected override bool Delete(int key) => _entries.RemoveAll(e => e.Key == key) > 0;

    protected override IReadOnlyList<int> Order()
    {
        var backToFront = Enumerable.Reverse(_entries).ToList();
        return backToFront.Where(e => !e.Referenced).Concat(backToFront.Where(e => e.Referenced)).Select(e => e.Key).ToList();
    }
}
