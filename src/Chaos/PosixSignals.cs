using System.ComponentModel;
using System.Runtime.InteropServices;

namespace ActorConcurrency.Chaos;

/// <summary>
/// Sends a POSIX signal to one process by pid (<c>kill(2)</c>): SIGINT and SIGTERM to stop a node the way
/// Ctrl+C and a service manager do, SIGKILL for <c>kill -9</c>, SIGSTOP and SIGCONT to freeze a node and wake it
/// (<c>kill -STOP</c>, <c>kill -CONT</c>). Only ever called with the pid of a node this run started.
/// </summary>
internal static class PosixSignals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    /// <summary>SIGSTOP: the process stops where it is, every thread, sockets and locks held, until SIGCONT.</summary>
    public static int Stop => OperatingSystem.IsMacOS() ? 17 : 19;

    /// <summary>SIGCONT: a stopped process runs on.</summary>
    public static int Continue => OperatingSystem.IsMacOS() ? 19 : 18;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when the process is already gone.</summary>
    public static bool Send(int pid, int signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("the chaos scenarios send POSIX signals (Linux or macOS)");
        }

        if (SendSignal(pid, signal) == 0)
        {
            return true;
        }

        int error = Marshal.GetLastPInvokeError();
        const int NoSuchProcess = 3; // ESRCH
        return error == NoSuchProcess ? false : throw new Win32Exception(error, $"kill({pid}, {signal}) failed");
    }

    // DllImport, not LibraryImport: two ints need no marshalling, and the host stays free of unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int pid, int signal);
}
