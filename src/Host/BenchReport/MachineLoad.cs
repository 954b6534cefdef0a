using System.Globalization;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// How busy the machine was around one measured case, as the bench's load recorder wrote it into the sidecar: the
/// 1-minute load average just before the case started and just after it ended, and the CPU other processes used while
/// it ran (machine busy time minus the benchmark's own process tree, in cores). A case is measured under load when
/// other processes took more than <see cref="OtherCpuLimit"/> of a core, or when the load average before it exceeded
/// the core count. The load average after a case is shown but not judged: it counts the benchmark's own threads, which
/// on a 2-core machine are 2 of their own.
/// </summary>
/// <param name="LoadBefore">1-minute load average before the case, or null when not recorded.</param>
/// <param name="LoadAfter">1-minute load average after the case, or null.</param>
/// <param name="OtherCpuCores">Cores' worth of CPU other processes used during the case, or null.</param>
internal sealed record MachineLoad(double? LoadBefore, double? LoadAfter, double? OtherCpuCores)
{
    /// <summary>Share of one core other processes may use during a case before it counts as measured under load.</summary>
    public const double OtherCpuLimit = 0.25;

    /// <summary>Why the case counts as measured under load on a machine of <paramref name="cores"/> cores, or null when it does not.</summary>
    public string? BusyReason(int? cores)
    {
        var reasons = new List<string>();
        if (OtherCpuCores is > OtherCpuLimit and double other)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"other processes used {other:0.00} cores"));
        }

        if (cores is { } c && LoadBefore is { } before && before > c)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"load average {before:0.00} > {c} cores before it"));
        }

        return reasons.Count == 0 ? null : string.Join(", ", reasons);
    }
}
