using System.Globalization;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// How busy the machine was around one measured case, as the bench's load recorder wrote it into the sidecar: the
/// 1-minute load average just before the case started and just after it ended, and the CPU other work used while it ran
/// (machine busy time minus the benchmark's own process tree, in cores: other processes, and the CPU time the hypervisor
/// of a virtual machine gave to other machines, "steal", which slows a benchmark as much). A case is measured under load when
/// other work took more than <see cref="OtherCpuLimit"/> of a core. Only where that was not recorded does the load
/// average judge (above the core count before the case): it counts the benchmark's own threads too, so a 2-thread case
/// on 2 cores leaves about 2 behind it for the next (a quick run here had 2.02 before cases while other processes used
/// 0.02 cores), and the load average after a case is mostly the case itself.
/// </summary>
/// <param name="LoadBefore">1-minute load average before the case, or null when not recorded.</param>
/// <param name="LoadAfter">1-minute load average after the case, or null.</param>
/// <param name="OtherCpuCores">Cores' worth of CPU other work (other processes, steal) used during the case, or null.</param>
internal sealed record MachineLoad(double? LoadBefore, double? LoadAfter, double? OtherCpuCores)
{
    /// <summary>Share of one core other work may use during a case before it counts as measured under load.</summary>
    public const double OtherCpuLimit = 0.25;

    /// <summary>Why the case counts as measured under load on a machine of <paramref name="cores"/> cores, or null when it does not.</summary>
    public string? BusyReason(int? cores) => OtherCpuCores switch
    {
        > OtherCpuLimit and double other => string.Create(CultureInfo.InvariantCulture, $"other work used {other:0.00} cores"),
        not null => null,
        null when cores is { } c && LoadBefore is { } before && before > c =>
            string.Create(CultureInfo.InvariantCulture, $"load average {before:0.00} > {c} cores before it (other work not recorded)"),
        _ => null,
    };
}
