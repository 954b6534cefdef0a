using System.Runtime.InteropServices;

namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// Pins the calling thread to one CPU (Linux <c>sched_setaffinity</c>), as the native ring pins its workers: what
/// <see cref="ParallelHarness"/> does for a pinned harness. Elsewhere, or past the machine's CPUs, it leaves the
/// thread alone and says so.
/// </summary>
internal static partial class ThreadAffinity
{
    /// <summary>Pins the calling thread to <paramref name="cpu"/>; returns whether it is pinned.</summary>
    public static bool PinCurrentThread(int cpu)
    {
        if (!OperatingSystem.IsLinux() || cpu >= Environment.ProcessorCount || cpu >= 64)
        {
            return false;
        }

        ulong mask = 1UL << cpu;
        return SchedSetAffinity(0, sizeof(ulong), ref mask) == 0; // pid 0: the calling thread
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nint cpuSetSize, ref ulong mask);
}
