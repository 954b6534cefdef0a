using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Host.Node;

/// <summary>What a started node does until it stops: the optional load, and the status it prints and reports.</summary>
internal sealed record NodeRunSettings(
    IReadOnlyList<string> Keys,
    long Load,
    IncrementLoadOptions LoadOptions,
    TimeSpan StatusEvery,
    string? ReportPath,
    DowningStrategy Downing,
    bool FaultInjection = false);
