using System.Globalization;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// Who holds SQLite's write lock on a journal file, as the kernel sees it (Linux only; elsewhere nobody is found).
/// <para>
/// In WAL mode (the node sets it) a writer holds a POSIX advisory WRITE lock on byte
/// <see cref="WalWriteLockOffset"/> of the file's shared-memory index (<c>counters.db-shm</c>) from its first write
/// until its transaction ends; <c>/proc/locks</c> lists every such lock with the pid of the process that holds it
/// and the inode of the file. A process stopped in the middle of a transaction (<c>kill -STOP</c>, a debugger, a
/// frozen VM) keeps the lock, and every other process's write waits for it: SQLite cannot take a lock away from a
/// living process. This class only reads; it never opens the file (closing a descriptor of a file would drop this
/// process's own POSIX locks on it, SQLite's included).
/// </para>
/// </summary>
public static class SqliteWriteLock
{
    /// <summary>Byte of the <c>-shm</c> file that a WAL writer locks (SQLite's WAL_WRITE_LOCK: 120 + 0).</summary>
    public const long WalWriteLockOffset = 120;

    /// <summary>
    /// The pids that hold the WAL write lock on <paramref name="databaseFile"/> now; empty when nobody does, when the
    /// file is not open in <paramref name="observerPid"/> (whose open descriptors tell the file's inode), or off Linux.
    /// </summary>
    /// <param name="databaseFile">The SQLite file (the lock is on the file with <c>-shm</c> appended).</param>
    /// <param name="observerPid">A process that has the journal open: this node, or the node a harness watches.</param>
    public static IReadOnlyList<int> Holders(string databaseFile, int observerPid)
    {
        ArgumentException.ThrowIfNullOrEmpty(databaseFile);
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        long? inode = InodeOfOpenFile(observerPid, Path.GetFullPath(databaseFile) + "-shm");
        if (inode is null)
        {
            return [];
        }

        try
        {
            return HoldersIn(File.ReadLines("/proc/locks"), inode.Value);
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>Whether process <paramref name="pid"/> is stopped (SIGSTOP, a debugger): state T or t in <c>/proc/PID/stat</c>.</summary>
    public static bool IsStopped(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int end = stat.LastIndexOf(')'); // the command name may contain spaces and parentheses
            return end > 0 && end + 2 < stat.Length && stat[end + 2] is 'T' or 't';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The pids in <paramref name="procLocks"/> (lines of <c>/proc/locks</c>) holding a POSIX WRITE lock that covers
    /// <see cref="WalWriteLockOffset"/> on inode <paramref name="inode"/>.
    /// </summary>
    internal static IReadOnlyList<int> HoldersIn(IEnumerable<string> procLocks, long inode)
    {
        // "6: POSIX  ADVISORY  WRITE 23455 fe:00:11657883 120 120"; a waiting lock has "->" after the number.
        var pids = new SortedSet<int>();
        foreach (string line in procLocks)
        {
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 8 || f[1] == "->" || f[1] != "POSIX" || f[3] != "WRITE")
            {
                continue;
            }

            string[] device = f[5].Split(':');
            if (device.Length != 3 || !long.TryParse(device[2], NumberStyles.None, CultureInfo.InvariantCulture, out long lockInode) || lockInode != inode
                || !int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                || !long.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out long start))
            {
                continue;
            }

            bool toEnd = f[7] == "EOF";
            long end = toEnd ? long.MaxValue : long.TryParse(f[7], NumberStyles.None, CultureInfo.InvariantCulture, out long e) ? e : -1;
            if (start <= WalWriteLockOffset && WalWriteLockOffset <= end)
            {
                pids.Add(pid);
            }
        }

        return [.. pids];
    }

    /// <summary>The inode of <paramref name="path"/> as process <paramref name="pid"/> has it open (<c>/proc/PID/fdinfo</c>), or null.</summary>
    private static long? InodeOfOpenFile(int pid, string path)
    {
        try
        {
            foreach (string fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget != path)
                {
                    continue;
                }

                foreach (string line in File.ReadLines($"/proc/{pid}/fdinfo/{Path.GetFileName(fd)}"))
                {
                    if (line.StartsWith("ino:", StringComparison.Ordinal)
                        && long.TryParse(line.AsSpan(4).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long inode))
                    {
                        return inode;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process exited, or the descriptor closed while we looked: nobody is found.
        }

        return null;
    }
}
