namespace ActorConcurrency.Demonstrations.Rings;

/// <summary>Task 14: both rings' full and empty edges, then every form moving the same items between two threads.</summary>
/// <param name="Edges">The edges of capacity-4 rings.</param>
/// <param name="Moves">What each form's consumer counted.</param>
public sealed record SpscRingResult(RingEdges Edges, RingMoves Moves) : IDemonstrationResult
{
    /// <summary>Whether the edges hold and every form moved every item once, in order.</summary>
    public bool Held => Edges.Hold && Moves.Forms.All(Moves.Exact);

    /// <inheritdoc />
    public string Evidence
    {
        get
        {
            MovedItems simple = Moves.Forms[0], batched = Moves.Forms[2];
            return $"{Moves.Forms.Count} forms each moved {Moves.Items:N0} items in order with no loss (edges {(Edges.Hold ? "ok" : "BROKEN")}); " +
                $"batch/simple ring rate {simple.Seconds / batched.Seconds:F1}× ({QuickMeasurement.Qualifier})";
        }
    }
}

/// <summary>Five enqueues into a ring of capacity 4, then dequeues until empty, for each ring.</summary>
/// <param name="Forms">The simple ring and the padded ring.</param>
public sealed record RingEdges(IReadOnlyList<RingEdge> Forms)
{
    /// <summary>Whether each ring accepted 4, gave back 0–3 in order, and refused to dequeue when empty.</summary>
    public bool Hold => Forms.All(f => f.Accepted == 4 && f.Dequeued.SequenceEqual([0, 1, 2, 3]) && f.EmptyRefused);
}

/// <summary>One ring's edges.</summary>
/// <param name="Form">The ring type.</param>
/// <param name="Accepted">Enqueues accepted of five.</param>
/// <param name="Dequeued">Items dequeued until empty, in order.</param>
/// <param name="EmptyRefused">Whether a dequeue on the empty ring was refused.</param>
public sealed record RingEdge(string Form, int Accepted, IReadOnlyList<int> Dequeued, bool EmptyRefused);

/// <summary>Every form moving 0..N−1 from one producer thread to one consumer.</summary>
/// <param name="Items">N, the items each form moved.</param>
/// <param name="Capacity">The rings' and the channel's capacity.</param>
/// <param name="Forms">Simple ring, padded ring item by item and in batches, bounded channel, actor mailbox.</param>
public sealed record RingMoves(int Items, int Capacity, IReadOnlyList<MovedItems> Forms)
{
    /// <summary>0 + 1 + … + (N − 1): what the consumer's sum must be.</summary>
    public long ExpectedSum => (long)Items * (Items - 1) / 2;

    /// <summary>Whether <paramref name="form"/>'s consumer received every item once, in order.</summary>
    public bool Exact(MovedItems form) => form.Received == Items && form.Sum == ExpectedSum && form.OutOfOrder == 0;
}

/// <summary>What one form's consumer counted.</summary>
/// <param name="Form">The form.</param>
/// <param name="Received">Items received.</param>
/// <param name="Sum">Their sum.</param>
/// <param name="OutOfOrder">Items that were not one more than the previous.</param>
/// <param name="Seconds">From the release of both threads to the last item received.</param>
/// <param name="Wraps">How many times the ring wrapped (items / capacity); null for the channel and the mailbox.</param>
public sealed record MovedItems(string Form, long Received, long Sum, long OutOfOrder, double Seconds, long? Wraps)
{
    /// <summary>Items per second (indicative: one run on a shared machine).</summary>
    public double ItemsPerSecond => Received / Seconds;
}
