namespace ActorConcurrency.SharedState.Lru;

/// <summary>
/// What the two locked LRU forms (<see cref="LruCache{TKey,TValue}"/>, <see cref="ClockLruCache{TKey,TValue}"/>) do
/// the same way, written once: the <see cref="Evicted"/> event (handlers added and removed under the form's lock,
/// told outside it) and the adds built on a lookup (<see cref="GetOrAdd"/>, <see cref="GetOrAddAsync"/>,
/// <see cref="ContainsOrAdd"/>) over each form's own <see cref="TryGet"/>, <see cref="AddIfAbsent"/> and
/// <see cref="PeekOrAdd"/>. Each form keeps its own lock, allocated where its memory layout wants it.
/// </summary>
/// <typeparam name="TKey">The key; never null.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public abstract class LruCacheBase<TKey, TValue>
    where TKey : notnull
{
    private Action<LruEviction<TKey, TValue>>? _evicted;

    private protected LruCacheBase()
    {
    }

    /// <inheritdoc cref="ILruCache{TKey,TValue}.Evicted" />
    public event Action<LruEviction<TKey, TValue>>? Evicted
    {
        add
        {
            lock (Gate)
            {
                _evicted += value;
                RecordEvictions(_evicted is not null);
            }
        }

        remove
        {
            lock (Gate)
            {
                _evicted -= value;
                RecordEvictions(_evicted is not null);
            }
        }
    }

    /// <summary>The lock that serialises the form's writers.</summary>
    private protected abstract Lock Gate { get; }

    /// <inheritdoc cref="ILruCache{TKey,TValue}.TryGet" />
    public abstract bool TryGet(TKey key, out TValue value);

    /// <inheritdoc cref="ILruCache{TKey,TValue}.PeekOrAdd" />
    public abstract bool PeekOrAdd(TKey key, TValue value, out TValue previous, out bool evicted);

    /// <inheritdoc cref="ILruCache{TKey,TValue}.GetOrAdd" />
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)
    {
        KeyGuard.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(factory);
        return TryGet(key, out TValue cached) ? cached : AddIfAbsent(key, factory(key));
    }

    /// <inheritdoc cref="ILruCache{TKey,TValue}.GetOrAddAsync" />
    public async ValueTask<TValue> GetOrAddAsync(TKey key, Func<TKey, Task<TValue>> factory)
    {
        KeyGuard.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(factory);
        return TryGet(key, out TValue cached) ? cached : AddIfAbsent(key, await factory(key).ConfigureAwait(false));
    }

    /// <inheritdoc cref="ILruCache{TKey,TValue}.ContainsOrAdd" />
    public bool ContainsOrAdd(TKey key, TValue value, out bool evicted) => PeekOrAdd(key, value, out _, out evicted);

    /// <summary>Under the lock: starts or stops collecting the entries that leave (someone listens or no one does).</summary>
    private protected abstract void RecordEvictions(bool on);

    /// <summary>Adds <paramref name="value"/> unless the key got a value meanwhile; returns the value every caller gets.</summary>
    private protected abstract TValue AddIfAbsent(TKey key, TValue value);

    /// <summary>Outside the lock: tells the handlers about each entry that left, in the order they left.</summary>
    private protected void Raise(List<LruEviction<TKey, TValue>>? left) => EvictionLog<TKey, TValue>.Raise(left, Volatile.Read(ref _evicted));
}
