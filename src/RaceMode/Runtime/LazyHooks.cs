using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Lazy initialisation by contract: what the factory did (the user code that builds the value) happens before every
/// caller that gets the value. The factory is wrapped so that its end is released, and getting the value acquires
/// that release; nothing else is ordered (two callers of <c>Value</c> learn nothing of each other). The release
/// comes after the user code, inside the framework call, so a caller woken by the value's publication always finds
/// it. <c>LazyInitializer</c>'s reference-type overloads key the release by the value they publish.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LazyHooks
{
    /// <summary>The key a lazy's factory releases into: the lazy outlives no session, the table keeps no lazy alive.</summary>
    private static readonly ConditionalWeakTable<object, object> s_keys = new();

    /// <summary>Replaces <c>new Lazy&lt;T&gt;()</c>.</summary>
    public static Lazy<T> NewLazy<T>() => NewLazy(Activator.CreateInstance<T>, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Replaces <c>new Lazy&lt;T&gt;(bool)</c>.</summary>
    public static Lazy<T> NewLazy<T>(bool isThreadSafe) => NewLazy(Activator.CreateInstance<T>, Mode(isThreadSafe));

    /// <summary>Replaces <c>new Lazy&lt;T&gt;(LazyThreadSafetyMode)</c>.</summary>
    public static Lazy<T> NewLazy<T>(LazyThreadSafetyMode mode) => NewLazy(Activator.CreateInstance<T>, mode);

    /// <summary>Replaces <c>new Lazy&lt;T&gt;(Func&lt;T&gt;)</c>.</summary>
    public static Lazy<T> NewLazy<T>(Func<T> valueFactory) => NewLazy(valueFactory, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Replaces <c>new Lazy&lt;T&gt;(Func&lt;T&gt;, bool)</c>.</summary>
    public static Lazy<T> NewLazy<T>(Func<T> valueFactory, bool isThreadSafe) => NewLazy(valueFactory, Mode(isThreadSafe));

    /// <summary>Replaces <c>new Lazy&lt;T&gt;(Func&lt;T&gt;, LazyThreadSafetyMode)</c>.</summary>
    public static Lazy<T> NewLazy<T>(Func<T> valueFactory, LazyThreadSafetyMode mode)
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        var key = new object();
        var lazy = new Lazy<T>(
            () =>
            {
                T value = valueFactory();
                SyncHooks.Release(key);
                return value;
            },
            mode);
        s_keys.Add(lazy, key);
        return lazy;
    }

    /// <summary>Replaces <c>Lazy&lt;T&gt;.Value</c>: the caller learns what the factory did.</summary>
    public static T get_Value<T>(Lazy<T> lazy)
    {
        T value = lazy.Value;
        if (s_keys.TryGetValue(lazy, out object? key))
        {
            SyncHooks.Acquire(key);
        }

        return value;
    }

    /// <summary>Replaces <c>LazyInitializer.EnsureInitialized&lt;T&gt;(ref T)</c>.</summary>
    public static T EnsureInitialized<T>(ref T? target)
        where T : class => EnsureInitialized(ref target, Activator.CreateInstance<T>);

    /// <summary>Replaces <c>LazyInitializer.EnsureInitialized&lt;T&gt;(ref T, Func&lt;T&gt;)</c>.</summary>
    public static T EnsureInitialized<T>(ref T? target, Func<T> valueFactory)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        return Published(LazyInitializer.EnsureInitialized(ref target, () => Publish(valueFactory())));
    }

    /// <summary>Replaces <c>LazyInitializer.EnsureInitialized&lt;T&gt;(ref T, ref object, Func&lt;T&gt;)</c>.</summary>
    public static T EnsureInitialized<T>(ref T? target, ref object? syncLock, Func<T> valueFactory)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        return Published(LazyInitializer.EnsureInitialized(ref target, ref syncLock, () => Publish(valueFactory())));
    }

    /// <summary>Replaces <c>LazyInitializer.EnsureInitialized&lt;T&gt;(ref T, ref bool, ref object)</c>.</summary>
    public static T EnsureInitialized<T>(ref T target, ref bool initialized, ref object? syncLock) =>
        EnsureInitialized(ref target, ref initialized, ref syncLock, Activator.CreateInstance<T>);

    /// <summary>
    /// Replaces <c>LazyInitializer.EnsureInitialized&lt;T&gt;(ref T, ref bool, ref object, Func&lt;T&gt;)</c> (any
    /// <typeparamref name="T"/>, values included): keyed by the lock object, which the hook creates first exactly as
    /// the framework would (a compare-exchange from null), so the factory and every caller know it.
    /// </summary>
    public static T EnsureInitialized<T>(ref T target, ref bool initialized, ref object? syncLock, Func<T> valueFactory)
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        object gate = Volatile.Read(ref syncLock) ?? Interlocked.CompareExchange(ref syncLock, new object(), null) ?? syncLock!;
        object key = s_keys.GetValue(gate, static _ => new object());
        T value = LazyInitializer.EnsureInitialized(
            ref target,
            ref initialized,
            ref syncLock,
            () =>
            {
                T built = valueFactory();
                SyncHooks.Release(key);
                return built;
            });
        SyncHooks.Acquire(key);
        return value;
    }

    /// <summary>The end of a factory that built <paramref name="value"/>: released into the value's publication key.</summary>
    private static T Publish<T>(T value)
        where T : class
    {
        if (value is not null)
        {
            SyncHooks.Release(s_keys.GetValue(value, static _ => new object()));
        }

        return value!;
    }

    /// <summary>A caller that got <paramref name="value"/> learns what the factory that built it did.</summary>
    private static T Published<T>(T value)
        where T : class
    {
        if (value is not null && s_keys.TryGetValue(value, out object? key))
        {
            SyncHooks.Acquire(key);
        }

        return value!;
    }

    private static LazyThreadSafetyMode Mode(bool isThreadSafe) =>
        isThreadSafe ? LazyThreadSafetyMode.ExecutionAndPublication : LazyThreadSafetyMode.None;
}
