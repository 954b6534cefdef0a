using ActorConcurrency.SharedState.Connection;

namespace ActorConcurrency.Tests.Connection;

/// <summary>
/// Checks a concurrent run's accepted transitions: ordered by sequence number they must be numbered 1..N
/// without gap or duplicate, start from Idle, each start where the previous one ended (no state skipped), and
/// each be one of the legal edges.
/// </summary>
public static class TransitionLog
{
    /// <summary>Null when the log is a legal path from Idle, otherwise what is wrong with it.</summary>
    public static string? Problem(IEnumerable<TransitionOutcome> outcomes, ConnectionState finalState)
    {
        TransitionOutcome[] accepted = outcomes.Where(o => o.Accepted).OrderBy(o => o.Sequence).ToArray();
        ConnectionState at = ConnectionState.Idle;
        for (int i = 0; i < accepted.Length; i++)
        {
            TransitionOutcome o = accepted[i];
            if (o.Sequence != i + 1)
            {
                return $"transition {i + 1} has sequence {o.Sequence}";
            }

            if (o.Observed != at)
            {
                return $"#{o.Sequence} starts from {o.Observed}, but the connection was {at}";
            }

            if (!SequentialConnectionModel.IsLegal(o.Observed, o.To))
            {
                return $"#{o.Sequence} {o.Observed} -> {o.To} is not a legal edge";
            }

            at = o.To;
        }

        return at == finalState ? null : $"the log ends in {at}, the connection is {finalState}";
    }
}
