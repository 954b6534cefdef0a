using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// <c>ReaderWriterLockSlim</c> by Go's <c>RWMutex</c> rules: an exit of the write lock happens before every later
/// entry (read, upgradeable or write); every exit of a read (or upgradeable) lock happens before the next entry of
/// the write lock; upgradeable holders are ordered with each other. Readers are not ordered with each other: two
/// readers that write under a read lock race. The write side is the lock's own clock; the readers' exits go into
/// a companion clock that only writers acquire.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RwLockHooks
{
    private static readonly ConditionalWeakTable<ReaderWriterLockSlim, object> s_readers = new();
    private static readonly ConditionalWeakTable<ReaderWriterLockSlim, object> s_upgradeable = new();

    public static void EnterReadLock(ReaderWriterLockSlim rw)
    {
        rw.EnterReadLock();
        SyncHooks.Acquire(rw);
    }

    public static bool TryEnterReadLock(ReaderWriterLockSlim rw, int millisecondsTimeout) => SyncHooks.AcquireIf(rw, rw.TryEnterReadLock(millisecondsTimeout));

    public static bool TryEnterReadLock(ReaderWriterLockSlim rw, TimeSpan timeout) => SyncHooks.AcquireIf(rw, rw.TryEnterReadLock(timeout));

    public static void ExitReadLock(ReaderWriterLockSlim rw)
    {
        SyncHooks.Release(Readers(rw));
        rw.ExitReadLock();
    }

    public static void EnterUpgradeableReadLock(ReaderWriterLockSlim rw)
    {
        rw.EnterUpgradeableReadLock();
        EnteredUpgradeable(rw, entered: true);
    }

    public static bool TryEnterUpgradeableReadLock(ReaderWriterLockSlim rw, int millisecondsTimeout) =>
        EnteredUpgradeable(rw, rw.TryEnterUpgradeableReadLock(millisecondsTimeout));

    public static bool TryEnterUpgradeableReadLock(ReaderWriterLockSlim rw, TimeSpan timeout) => EnteredUpgradeable(rw, rw.TryEnterUpgradeableReadLock(timeout));

    public static void ExitUpgradeableReadLock(ReaderWriterLockSlim rw)
    {
        SyncHooks.Release(Readers(rw));
        SyncHooks.Release(Upgradeable(rw));
        rw.ExitUpgradeableReadLock();
    }

    public static void EnterWriteLock(ReaderWriterLockSlim rw)
    {
        rw.EnterWriteLock();
        EnteredWrite(rw, entered: true);
    }

    public static bool TryEnterWriteLock(ReaderWriterLockSlim rw, int millisecondsTimeout) => EnteredWrite(rw, rw.TryEnterWriteLock(millisecondsTimeout));

    public static bool TryEnterWriteLock(ReaderWriterLockSlim rw, TimeSpan timeout) => EnteredWrite(rw, rw.TryEnterWriteLock(timeout));

    public static void ExitWriteLock(ReaderWriterLockSlim rw)
    {
        SyncHooks.Release(rw);
        rw.ExitWriteLock();
    }

    private static bool EnteredUpgradeable(ReaderWriterLockSlim rw, bool entered)
    {
        if (entered)
        {
            SyncHooks.Acquire(rw);
            SyncHooks.Acquire(Upgradeable(rw));
        }

        return entered;
    }

    private static bool EnteredWrite(ReaderWriterLockSlim rw, bool entered)
    {
        if (entered)
        {
            SyncHooks.Acquire(rw);
            SyncHooks.Acquire(Readers(rw));
        }

        return entered;
    }

    private static object Readers(ReaderWriterLockSlim rw) => s_readers.GetValue(rw, static _ => new object());

    private static object Upgradeable(ReaderWriterLockSlim rw) => s_upgradeable.GetValue(rw, static _ => new object());
}
