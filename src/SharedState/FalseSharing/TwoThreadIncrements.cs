using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.SharedState.FalseSharing;

/// <summary>
/// Task 10's experiment outside a benchmark: two threads, each incrementing its own counter of one
/// <see cref="ITwoCounters"/> struct, started together by a barrier. Used by the host's indicative
/// measurement; the benchmark runs the same loop through its harness.
/// </summary>
public static class TwoThreadIncrements
{
    /// <summary>Increments counter <paramref name="counter"/> of <c>holder[0]</c> <paramref name="increments"/> times.</summary>
    public static void Increment<T>(T[] holder, int counter, long increments)
        where T : struct, ITwoCounters
    {
        ArgumentNullException.ThrowIfNull(holder);
        for (long i = 0; i < increments; i++)
        {
            holder[0].Increment(counter); // in place on the array element: no copy of the struct
        }
    }

    /// <summary>The distance in bytes from counter 0 to counter 1 of <c>holder[0]</c>, measured from their addresses.</summary>
    public static long ByteDistance<T>(T[] holder)
        where T : struct, ITwoCounters
    {
        ArgumentNullException.ThrowIfNull(holder);
        return Unsafe.ByteOffset(ref holder[0].Counter(0), ref holder[0].Counter(1));
    }

    /// <summary>Runs both threads for <paramref name="incrementsPerThread"/> increments each; returns the elapsed time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="incrementsPerThread"/> is below 1.</exception>
    public static TimeSpan Run<T>(long incrementsPerThread)
        where T : struct, ITwoCounters
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(incrementsPerThread, 1);
        var holder = new T[1];
        using var start = new Barrier(3);
        var threads = new Thread[2];
        for (int c = 0; c < 2; c++)
        {
            int counter = c;
            threads[c] = new Thread(() =>
            {
                start.SignalAndWait();
                Increment(holder, counter, incrementsPerThread);
            }) { IsBackground = true, Name = $"false-sharing-{counter}" };
            threads[c].Start();
        }

        start.SignalAndWait();
        var watch = Stopwatch.StartNew();
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        watch.Stop();
        if (holder[0].Read(0) != incrementsPerThread || holder[0].Read(1) != incrementsPerThread)
        {
            // Interlocked increments on a thread's own counter cannot be lost; if one was, the layout is broken.
            throw new InvalidOperationException($"Lost increments: {holder[0].Read(0)} and {holder[0].Read(1)} of {incrementsPerThread}.");
        }

        return watch.Elapsed;
    }
}
