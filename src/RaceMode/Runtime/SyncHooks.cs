using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The synchronisation hooks: a call into a framework synchronisation type is bracketed by a release of the
/// object before it and an acquire after it (<c>Monitor.Exit</c>, <c>SemaphoreSlim.Release</c>, <c>Set</c>,
/// <c>TryWrite</c> release; <c>Monitor.Enter</c>, <c>Wait</c>, <c>TryRead</c> acquire; <c>Barrier.SignalAndWait</c>
/// does both). Keys are canonical: a <c>TaskCompletionSource</c> is its task, a channel's reader and writer are
/// the channel.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SyncHooks
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> s_sourceTask = new();

    /// <summary>What the current logical thread did so far happens before later acquires of <paramref name="key"/>.</summary>
    public static void Release(object? key)
    {
        if (key is null || RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return;
        }

        session.Backend.Release(thread, session.SyncOf(session.Canonical(Canonical(key))));
    }

    /// <summary>
    /// The end of a task, thread or callback, or the completion of a task source: released into <paramref name="key"/>
    /// and into the global clock, which a wait for a completion race mode cannot key (a framework-made task such as
    /// <c>WhenAll</c>) acquires. Locks, semaphores, events and channels do not feed it: a wait is ordered after them only
    /// by their own contracts.
    /// </summary>
    public static void ReleaseCompletion(object? key)
    {
        if (key is null || RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return;
        }

        session.Backend.Release(thread, session.SyncOf(session.Canonical(Canonical(key))));
        session.Backend.Release(thread, session.Global);
    }

    /// <summary>The current logical thread learns what was released into <paramref name="key"/>.</summary>
    public static void Acquire(object? key)
    {
        if (key is null || RaceSession.Active is not { } session || session.CurrentOrCount() is not { } thread)
        {
            return;
        }

        session.AcquireKey(thread, session.Canonical(Canonical(key)));
    }

    /// <summary>After a wait that may have failed: acquires <paramref name="key"/> only when it succeeded; returns the outcome.</summary>
    public static bool AcquireIf(object? key, bool succeeded)
    {
        if (succeeded)
        {
            Acquire(key);
        }

        return succeeded;
    }

    /// <summary>A release into the clock every unmodelled wait acquires (a completion race mode cannot see into).</summary>
    public static void ReleaseAny()
    {
        if (RaceSession.Active is { } session && session.CurrentOrCount() is { } thread)
        {
            session.Backend.Release(thread, session.Global);
        }
    }

    /// <summary>An acquire of everything released so far (a wait race mode cannot see into).</summary>
    public static void AcquireAny()
    {
        if (RaceSession.Active is { } session && session.CurrentOrCount() is { } thread)
        {
            session.AcquireGlobal(thread);
        }
    }

    /// <summary>
    /// After <c>channel.Writer</c> / <c>channel.Reader</c>: the end stands for its channel, so a write through the
    /// writer and a read through the reader meet on one clock.
    /// </summary>
    public static T Alias<T>(object parent, T end)
        where T : class
    {
        if (parent is not null && end is not null && RaceSession.Active is { } session)
        {
            session.AddAlias(end, parent);
        }

        return end!;
    }

    /// <summary>Replaces <c>Lock.Scope.Dispose()</c>: releases the lock's clock, then exits it.</summary>
    public static void DisposeScope(ref Lock.Scope scope)
    {
        // The Lock is used as a key here, never locked through Monitor.
#pragma warning disable CS9216
        Release(LockOf(ref scope));
#pragma warning restore CS9216
        scope.Dispose();
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_lockObj")]
    private static extern ref Lock? LockOf(ref Lock.Scope scope);

    /// <summary>A <c>TaskCompletionSource</c> synchronises through its task, which is what waiters see.</summary>
    private static object Canonical(object key)
    {
        if (key is TaskCompletionSource source)
        {
            return source.Task;
        }

        Type type = key.GetType();
        if (!type.IsGenericType)
        {
            return key;
        }

        PropertyInfo? task = s_sourceTask.GetOrAdd(type, static t =>
            t.GetGenericTypeDefinition() == typeof(TaskCompletionSource<>) ? t.GetProperty(nameof(TaskCompletionSource.Task)) : null);
        return task?.GetValue(key) ?? key;
    }
}
