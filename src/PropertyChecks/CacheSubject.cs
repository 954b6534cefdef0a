using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.PropertyChecks;

/// <summary>A shared-memory LRU form (<see cref="ILruCache{TKey,TValue}"/>) under test.</summary>
internal sealed class CacheSubject : LruSubject
{
    public CacheSubject(ILruCache<int, int> cache, bool traceOrder)
        : base(traceOrder) => Cache = cache;

    public ILruCache<int, int> Cache { get; }

    public override IReadOnlyList<string> BrokenInvariants() => Cache.CheckInvariants().Broken;

    protected override (bool Found, int Value) Get(int key) => (Cache.TryGet(key, out int value), value);

    protected override void Put(int key, int value) => Cache.Set(key, value);

    protected override bool Delete(int key) => Cache.Remove(key);

    protected override IReadOnlyList<int> Order() => Cache.Keys();
}
