namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// A change in how this node saw another member (a field of <see cref="NodeReport"/>): <c>up</c>, <c>unreachable</c>,
/// <c>reachable</c>, <c>down</c> (the split-brain resolver or a user downed it) or <c>removed</c>, with when this node
/// first saw it. The member is <c>host:port</c>. The crash harness reads a fault's time to downing from these.
/// </summary>
public sealed record MemberEvent(string Member, string Event, DateTimeOffset At);
