using ActorConcurrency.SharedState.Singleflight;

namespace ActorConcurrency.Tests.Singleflight;

/// <summary>
/// Task 17, the .NET idiom: <see cref="LazySingleflight{TKey,TValue}"/>
/// (<c>ConcurrentDictionary&lt;TKey, Lazy&lt;Task&lt;TValue&gt;&gt;&gt;</c>) with its traps handled, held to the same contract.
/// </summary>
public sealed class LazySingleflightSpec : SingleflightContractSpec
{
    protected override ISingleflight<string, int> Create() => new LazySingleflight<string, int>();
}
