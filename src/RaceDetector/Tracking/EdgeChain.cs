using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>The chain of recorded edges that explains why one event happens before another (for <see cref="VectorClockDetector.Order"/>).</summary>
internal static class EdgeChain
{
    /// <summary>
    /// Breadth-first search over the edge log: from the early event's epoch, follow edges whose source is at
    /// or after the current point of their thread, until the late event's thread is reached at or before it.
    /// </summary>
    public static List<HappensBeforeEdge>? Find(IReadOnlyList<HappensBeforeEdge> edges, NamedEvent early, NamedEvent late)
    {
        var best = new Dictionary<int, int> { [early.ThreadId] = early.Clock };
        var via = new Dictionary<int, (HappensBeforeEdge Edge, int FromThread)>();
        var queue = new Queue<int>();
        queue.Enqueue(early.ThreadId);
        while (queue.Count > 0)
        {
            int thread = queue.Dequeue();
            int clock = best[thread];
            if (thread == late.ThreadId && clock <= late.Clock)
            {
                var chain = new List<HappensBeforeEdge>();
                for (int at = thread; at != early.ThreadId; at = via[at].FromThread)
                {
                    chain.Add(via[at].Edge);
                }

                chain.Reverse();
                return chain;
            }

            foreach (HappensBeforeEdge edge in edges)
            {
                if (edge.FromThread == thread && edge.FromClock >= clock &&
                    (!best.TryGetValue(edge.ToThread, out int known) || edge.ToClock < known))
                {
                    best[edge.ToThread] = edge.ToClock;
                    via[edge.ToThread] = (edge, thread);
                    queue.Enqueue(edge.ToThread);
                }
            }
        }

        return null;
    }
}
