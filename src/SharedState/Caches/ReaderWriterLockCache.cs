namespace ActorConcurrency.SharedState.Caches;

/// <summary>
/// Task 7, third form (Go's <c>sync.RWMutex</c>): reads share a <see cref="ReaderWriterLockSlim"/> read
/// lock, writes take its write lock. Concurrent reads of a <see cref="Dictionary{TKey,TValue}"/> with no
/// writer are safe, so readers no longer exclude each other — but every read still writes the lock's
/// shared reader count, so all readers contend on one cache line, and a waiting writer blocks new readers.
/// It wins only when reads are long enough, or readers many enough, for that cost to pay off.
/// </summary>
public sealed class ReaderWriterLockCache<TKey, TValue> : ICache<TKey, TValue>, IDisposable
    where TKey : notnull
{
    /// <summary>No recursion: a thread that re-enters is a bug, and recursion support makes every call slower.</summary>
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);

    /// <summary>Read under the read lock, written under the write lock.</summary>
    private readonly Dictionary<TKey, TValue> _items = [];

    /// <inheritdoc />
    public bool TryGet(TKey key, out TValue value)
    {
        _gate.EnterReadLock();
        try
        {
            return _items.TryGetValue(key, out value!);
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public void Set(TKey key, TValue value)
    {
        _gate.EnterWriteLock();
        try
        {
            _items[key] = value;
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            _gate.EnterReadLock();
            try
            {
                return _items.Count;
            }
            finally
            {
                _gate.ExitReadLock();
            }
        }
    }

    /// <summary>Releases the lock's wait handles.</summary>
    public void Dispose() => _gate.Dispose();
}
