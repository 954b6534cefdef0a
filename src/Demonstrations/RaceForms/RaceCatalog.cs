using System.Reflection;
using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Demonstrations.RaceForms;

/// <summary>
/// Every SharedState form race mode checks, by task, with the verdict the issue expects; and the sandbox that runs
/// their probes: this assembly (the probes) and SharedState rewritten, everything else (Akka, the framework) as is.
/// </summary>
public static class RaceCatalog
{
    public static IReadOnlyList<RaceForm> Forms { get; } =
    [
        Form(1, nameof(RaceProbes.RacyCounter), expectRace: true),
        Form(2, nameof(RaceProbes.InterlockedCounter)),
        Form(3, nameof(RaceProbes.MonitorCounter)),
        Form(3, nameof(RaceProbes.ThreadingLockCounter)),
        Form(4, nameof(RaceProbes.ChannelCounter)),
        Form(5, nameof(RaceProbes.UnsafeLazyCache), expectRace: true),
        Form(5, nameof(RaceProbes.LazyCache)),
        Form(5, nameof(RaceProbes.LazyInitializerCache)),
        Form(5, nameof(RaceProbes.DoubleCheckedCache)),
        Form(6, nameof(RaceProbes.TornConfigHolder), expectRace: true),
        Form(6, nameof(RaceProbes.ConfigService)),
        Form(11, nameof(RaceProbes.PlainStopFlag), expectRace: true),
        Form(11, nameof(RaceProbes.VolatileStopFlag)),
        Form(11, nameof(RaceProbes.PlainPublication), expectRace: true),
        Form(11, nameof(RaceProbes.VolatilePublication)),
        Form(13, nameof(RaceProbes.LruCache)),
        Form(13, nameof(RaceProbes.ClockLruCache)),
        Form(14, nameof(RaceProbes.SpscRing)),
        Form(14, nameof(RaceProbes.PaddedSpscRing)),
        Form(14, nameof(RaceProbes.SpscRingTwoProducers), expectRace: true),
        Form(17, nameof(RaceProbes.SingleflightGroup)),
        Form(18, nameof(RaceProbes.LockedConnection)),
        Form(18, nameof(RaceProbes.CasConnection)),
        Form(19, nameof(RaceProbes.StripedCounterCellsAndSnapshot)),
    ];

    /// <summary>A sandbox with the probes and SharedState rewritten (a few seconds: create it once and reuse it).</summary>
    public static RaceSandbox CreateSandbox() =>
        RaceSandbox.Create(typeof(RaceCatalog).Assembly, typeof(SharedState.Counters.RacyCounter).Assembly);

    /// <summary>Runs <paramref name="form"/>'s probe once under race mode.</summary>
    public static RaceRun Run(RaceSandbox sandbox, RaceForm form) => sandbox.Run(form.Probe, []);

    private static RaceForm Form(int task, string probe, bool expectRace = false) =>
        new(task, probe, typeof(RaceProbes).GetMethod(probe, BindingFlags.Public | BindingFlags.Static)!, expectRace);
}
