namespace ActorConcurrency.SharedState.FalseSharing;

/// <summary>The sizes padding is measured in.</summary>
public static class CacheLine
{
    /// <summary>One cache line on x64 and most ARM64 cores: the unit the coherence protocol moves between cores.</summary>
    public const int Size = 64;

    /// <summary>
    /// Two lines: Intel's spatial prefetcher fetches lines in aligned pairs, and Apple/some ARM cores use
    /// 128-byte lines, so data 64 bytes apart can still share a transfer. .NET's own padded types
    /// (<c>PaddedReference</c> in System.Threading.Channels, <c>ConcurrentQueue</c>'s segment) pad to 128.
    /// </summary>
    public const int PrefetchPair = 2 * Size;
}
