namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>A clock that stands still until a spec moves it.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public void AdvanceTo(DateTimeOffset at) => Now = at;

    public override DateTimeOffset GetUtcNow() => Now;
}
