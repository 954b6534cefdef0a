using ActorConcurrency.SharedState.Lru;
using Akka.Actor;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// The LRU forms the shared specs run against, by name: "lock" (<see cref="LruCache{TKey,TValue}"/>),
/// "clock" (<see cref="ClockLruCache{TKey,TValue}"/>), and — where an actor system is at hand — "actor"
/// (<see cref="LruActorCache"/>, the owner actor driven by Ask through the same interface).
/// </summary>
internal static class LruForms
{
    public static TheoryData<string> Names => ["lock", "clock"];

    public static TheoryData<string> NamesWithActor => ["lock", "clock", "actor"];

    /// <summary>Whether a form keeps exact recency (the CLOCK form approximates it: see docs/lru.md).</summary>
    public static bool IsExact(string form) => form != "clock";

    public static ILruCache<int, int> Create(string form, int capacity, ActorSystem? system = null) => form switch
    {
        "lock" => new LruCache<int, int>(capacity),
        "clock" => new ClockLruCache<int, int>(capacity),
        "actor" => new LruActorCache<int, int>(system ?? throw new ArgumentNullException(nameof(system)), capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    public static ILruCache<string, int> CreateWithStringKeys(string form, int capacity) => form switch
    {
        "lock" => new LruCache<string, int>(capacity),
        "clock" => new ClockLruCache<string, int>(capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };
}
