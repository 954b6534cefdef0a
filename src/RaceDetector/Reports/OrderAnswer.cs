namespace ActorConcurrency.RaceDetector.Reports;

/// <summary>
/// The answer to "is A before B?": the verdict computed from the two events' vector clocks, and the chain
/// of recorded edges that justifies an ordering (empty when both are on one thread: program order).
/// </summary>
/// <param name="First">Event A.</param>
/// <param name="Second">Event B.</param>
/// <param name="Order">The verdict from the clocks.</param>
/// <param name="Chain">The edges from the earlier event to the later one; empty for program order or concurrency.</param>
/// <param name="ChainFound">Whether the edge log explains an ordering (false if edges were not recorded).</param>
public sealed record OrderAnswer(NamedEvent First, NamedEvent Second, HappensBeforeOrder Order, IReadOnlyList<HappensBeforeEdge> Chain, bool ChainFound)
{
    /// <summary>A short verdict: <c>A → B</c>, <c>B → A</c> or <c>A ∥ B</c>.</summary>
    public string Verdict => Order switch
    {
        HappensBeforeOrder.FirstBeforeSecond => $"{First.Name} happens before {Second.Name}",
        HappensBeforeOrder.SecondBeforeFirst => $"{Second.Name} happens before {First.Name}",
        _ => $"{First.Name} and {Second.Name} are concurrent",
    };

    /// <summary>Why: program order, the chain of edges, or the clock entries that show neither covers the other.</summary>
    public string Justification
    {
        get
        {
            if (Order == HappensBeforeOrder.Concurrent)
            {
                return $"{First.Name} is {First.ThreadName}@{First.Clock} but {ClockOf(Second)} knows {First.ThreadName} only up to {Second.Knows[First.ThreadId]}; " +
                       $"{Second.Name} is {Second.ThreadName}@{Second.Clock} but {ClockOf(First)} knows {Second.ThreadName} only up to {First.Knows[Second.ThreadId]}";
            }

            (NamedEvent early, NamedEvent late) = Order == HappensBeforeOrder.FirstBeforeSecond ? (First, Second) : (Second, First);
            if (early.ThreadId == late.ThreadId)
            {
                return $"program order in {early.ThreadName} ({early.ThreadName}@{early.Clock} then @{late.Clock})";
            }

            string clocks = $"{ClockOf(late)} knows {early.ThreadName} up to {late.Knows[early.ThreadId]} ≥ {early.Clock}";
            return ChainFound
                ? $"{early.Name} ({early.ThreadName}@{early.Clock}) → {string.Join(" → ", Chain.Select(e => e.ToString()))} → {late.Name} ({late.ThreadName}@{late.Clock}); {clocks}"
                : clocks + " (edges not recorded)";
        }
    }

    /// <summary>"B's clock", but "the clock of A'" for a name that ends in an apostrophe (not "A''s clock").</summary>
    private static string ClockOf(NamedEvent e) => e.Name.EndsWith('\'') ? $"the clock of {e.Name}" : $"{e.Name}'s clock";
}
