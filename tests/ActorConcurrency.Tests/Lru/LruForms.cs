using ActorConcurrency.SharedState.Lru;

namespace ActorConcurrency.Tests.Lru;

/// <summary>The two shared-memory LRU forms, by name, for theories that hold for both.</summary>
internal static class LruForms
{
    public static TheoryData<string> Names => ["lock", "deferred"];

    public static ILruCache<int, int> Create(string form, int capacity) => form switch
    {
        "lock" => new LruCache<int, int>(capacity),
        "deferred" => new DeferredPromotionLruCache<int, int>(capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    public static ILruCache<string, int> CreateWithStringKeys(string form, int capacity) => form switch
    {
        "lock" => new LruCache<string, int>(capacity),
        "deferred" => new DeferredPromotionLruCache<string, int>(capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };
}
