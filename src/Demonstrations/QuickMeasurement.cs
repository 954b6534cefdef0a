using System.Diagnostics;
using System.Reflection;

namespace ActorConcurrency.Demonstrations;

/// <summary>
/// The quick in-process timing tasks 7, 8, 10 and 12 measure: a fixed number of operations split over
/// dedicated threads released together by a barrier, best of a few repeats. It is indicative only — a
/// shared machine, no warm-up control, no statistics — and the host says so, pointing to the benchmark class.
/// </summary>
public static class QuickMeasurement
{
    /// <summary>
    /// What every summary line built on these timings says of them: best of three on a machine that may be busy, no
    /// statistics, so its direction can differ from the report's (task 7 once said the RW lock was 0.45x the lock at
    /// 2 threads where the report measured 0.69 and 1.34); the report's verdicts are the measurement.
    /// </summary>
    public const string Qualifier = "indicative: a quick measurement that may disagree with docs/benchmarks.md";

    /// <summary>Repeats per cell; the fastest counts, as the least disturbed by other processes.</summary>
    public const int Repeats = 3;

    /// <summary>The thread counts a timing table compares: 1, and every core (once, on a single core).</summary>
    public static IReadOnlyList<int> ThreadCounts { get; } = [.. new[] { 1, Environment.ProcessorCount }.Distinct()];

    /// <summary>
    /// Runs <paramref name="body"/>(worker, operations) on <paramref name="threads"/> threads, sharing
    /// <paramref name="totalOperations"/> among them, <see cref="Repeats"/> times; returns the best
    /// nanoseconds per operation and the bytes allocated per operation (all threads) in that repeat.
    /// </summary>
    public static (double NsPerOp, double BytesPerOp) Measure(int threads, int totalOperations, Action<int, int> body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalOperations, 1);
        double bestNs = double.MaxValue;
        double bytesAtBest = 0;
        for (int repeat = 0; repeat < Repeats; repeat++)
        {
            using var start = new Barrier(threads + 1);
            var workers = new Thread[threads];
            for (int t = 0; t < threads; t++)
            {
                int worker = t;
                int share = totalOperations / threads + (worker < totalOperations % threads ? 1 : 0);
                workers[t] = new Thread(() =>
                {
                    start.SignalAndWait();
                    body(worker, share);
                }) { IsBackground = true, Name = $"quick-measurement-{worker}" };
                workers[t].Start();
            }

            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            start.SignalAndWait();
            var watch = Stopwatch.StartNew();
            foreach (Thread worker in workers)
            {
                worker.Join();
            }

            watch.Stop();
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            double ns = watch.Elapsed.TotalNanoseconds / totalOperations;
            if (ns < bestNs)
            {
                bestNs = ns;
                bytesAtBest = (double)allocated / totalOperations;
            }
        }

        return (bestNs, bytesAtBest);
    }

    /// <summary>Whether the measured code was compiled without optimisation (a Debug build: <c>dotnet run</c> without <c>-c Release</c>).</summary>
    public static bool Unoptimised { get; } =
        typeof(ActorConcurrency.SharedState.Caches.ICache<,>).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled ?? false;
}
