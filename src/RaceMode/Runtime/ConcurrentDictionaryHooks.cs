using System.Collections.Concurrent;
using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>ConcurrentDictionary</c> by contract, per key: storing a value (<c>TryAdd</c>, the indexer, <c>TryUpdate</c>,
/// <c>AddOrUpdate</c>, <c>GetOrAdd</c>) happens before every call that observes that key's value (<c>TryGetValue</c>,
/// the indexer, <c>GetOrAdd</c>, <c>ContainsKey</c>, <c>TryRemove</c> when they find it). A value factory is user code
/// that runs inside the call: it is wrapped so that its end is released, after the value is built; an update factory
/// also acquires the key before it reads the old value. Keys are compared with the dictionary's own comparer. Each
/// store also goes into the dictionary's clock, which the members that read the whole dictionary (enumeration,
/// <c>Count</c>, <c>ToArray</c>) acquire through the generic bracket.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConcurrentDictionaryHooks
{
    public static TValue GetOrAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TValue> valueFactory)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        TValue value = dictionary.GetOrAdd(key, k => Released(dictionary, k, valueFactory(k)));
        Acquire(dictionary, key);
        return value;
    }

    public static TValue GetOrAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
    {
        Release(dictionary, key);
        TValue result = dictionary.GetOrAdd(key, value);
        Acquire(dictionary, key);
        return result;
    }

    public static TValue GetOrAdd<TKey, TValue, TArg>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TArg, TValue> valueFactory, TArg factoryArgument)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        TValue value = dictionary.GetOrAdd(key, (k, a) => Released(dictionary, k, valueFactory(k, a)), factoryArgument);
        Acquire(dictionary, key);
        return value;
    }

    public static TValue AddOrUpdate<TKey, TValue>(
        ConcurrentDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TValue> addValueFactory, Func<TKey, TValue, TValue> updateValueFactory)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(addValueFactory);
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        TValue value = dictionary.AddOrUpdate(
            key, k => Released(dictionary, k, addValueFactory(k)), (k, old) => Released(dictionary, k, updateValueFactory(k, Acquired(dictionary, k, old))));
        Acquire(dictionary, key);
        return value;
    }

    public static TValue AddOrUpdate<TKey, TValue>(
        ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue addValue, Func<TKey, TValue, TValue> updateValueFactory)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        Release(dictionary, key);
        TValue value = dictionary.AddOrUpdate(key, addValue, (k, old) => Released(dictionary, k, updateValueFactory(k, Acquired(dictionary, k, old))));
        Acquire(dictionary, key);
        return value;
    }

    public static TValue AddOrUpdate<TKey, TValue, TArg>(
        ConcurrentDictionary<TKey, TValue> dictionary,
        TKey key,
        Func<TKey, TArg, TValue> addValueFactory,
        Func<TKey, TValue, TArg, TValue> updateValueFactory,
        TArg factoryArgument)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(addValueFactory);
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        TValue value = dictionary.AddOrUpdate(
            key,
            (k, a) => Released(dictionary, k, addValueFactory(k, a)),
            (k, old, a) => Released(dictionary, k, updateValueFactory(k, Acquired(dictionary, k, old), a)),
            factoryArgument);
        Acquire(dictionary, key);
        return value;
    }

    public static bool TryAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
    {
        Release(dictionary, key);
        return dictionary.TryAdd(key, value);
    }

    public static void set_Item<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
    {
        Release(dictionary, key);
        dictionary[key] = value;
    }

    public static bool TryUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue newValue, TValue comparisonValue)
        where TKey : notnull
    {
        Release(dictionary, key);
        bool updated = dictionary.TryUpdate(key, newValue, comparisonValue);
        Acquire(dictionary, key);
        return updated;
    }

    public static bool TryGetValue<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, out TValue value)
        where TKey : notnull => Observed(dictionary, key, dictionary.TryGetValue(key, out value!));

    public static TValue get_Item<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key)
        where TKey : notnull => Acquired(dictionary, key, dictionary[key]);

    public static bool ContainsKey<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key)
        where TKey : notnull => Observed(dictionary, key, dictionary.ContainsKey(key));

    public static bool TryRemove<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, out TValue value)
        where TKey : notnull => Observed(dictionary, key, dictionary.TryRemove(key, out value!));

    /// <summary>A call that found <paramref name="key"/> observed its value: it acquires the key's stores.</summary>
    private static bool Observed<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, bool found)
        where TKey : notnull
    {
        if (found)
        {
            Acquire(dictionary, key);
        }

        return found;
    }

    private static TValue Released<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
    {
        Release(dictionary, key);
        return value;
    }

    private static TValue Acquired<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
    {
        Acquire(dictionary, key);
        return value;
    }

    private static void Release<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key)
        where TKey : notnull
    {
        if (key is not null && RaceSession.Active is { } session && session.CurrentOrCount() is { } thread)
        {
            Clocks<TKey> clocks = ClocksOf(session, dictionary);
            session.Backend.Release(thread, clocks.Of(key));
            session.Backend.Release(thread, clocks.Dictionary);
        }
    }

    private static void Acquire<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key)
        where TKey : notnull
    {
        if (key is not null && RaceSession.Active is { } session && session.CurrentOrCount() is { } thread)
        {
            session.Backend.Acquire(thread, ClocksOf(session, dictionary).Of(key));
        }
    }

    /// <summary>The clocks of <paramref name="dictionary"/> in <paramref name="session"/>: one lookup finds its keys' and its own.</summary>
    private static Clocks<TKey> ClocksOf<TKey, TValue>(RaceSession session, ConcurrentDictionary<TKey, TValue> dictionary)
        where TKey : notnull =>
        session.KeyedClocks.TryGetValue(dictionary, out object? found) ? (Clocks<TKey>)found : AddClocks(session, dictionary);

    // Apart from ClocksOf, so the closure is allocated only when a dictionary is first seen.
    private static Clocks<TKey> AddClocks<TKey, TValue>(RaceSession session, ConcurrentDictionary<TKey, TValue> dictionary)
        where TKey : notnull =>
        (Clocks<TKey>)session.KeyedClocks.GetValue(dictionary, d => new Clocks<TKey>(session, dictionary.Comparer, d));

    /// <summary>
    /// A dictionary's clocks in one session: one per key, by the dictionary's comparer, which a store releases and an
    /// observation acquires; and the dictionary's own (the clock <see cref="SyncHooks"/> keys by the dictionary), which
    /// every store also releases, for the members that read the whole dictionary.
    /// </summary>
    private sealed class Clocks<TKey>(RaceSession session, IEqualityComparer<TKey> comparer, object dictionary)
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, object> _keys = new(comparer);
        private readonly CoreBackend _backend = session.Backend;

        public object Dictionary { get; } = session.SyncOf(session.Canonical(dictionary));

        public object Of(TKey key) =>
            _keys.TryGetValue(key, out object? clock) ? clock : _keys.GetOrAdd(key, static (_, backend) => backend.NewSync("ConcurrentDictionary key"), _backend);
    }
}
