using ActorConcurrency.RaceDetector.Clocks;
using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// The happens-before log of one <see cref="VectorClockDetector"/>: the named events a program recorded and the
/// synchronisation edges applied (when <see cref="RaceDetectorOptions.RecordEdges"/> is on), and the order of two
/// events with the chain of edges that explains it. One lock guards both.
/// </summary>
internal sealed class EdgeLog
{
    private readonly object _gate = new();
    private readonly Dictionary<string, NamedEvent> _events = new(StringComparer.Ordinal);
    private readonly List<HappensBeforeEdge> _edges = [];

    /// <summary>Every edge logged so far.</summary>
    public IReadOnlyList<HappensBeforeEdge> Edges
    {
        get
        {
            lock (_gate)
            {
                return _edges.ToArray();
            }
        }
    }

    /// <summary>Keeps <paramref name="recorded"/> under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">An event of that name was already recorded.</exception>
    public void AddEvent(string name, NamedEvent recorded)
    {
        lock (_gate)
        {
            if (!_events.TryAdd(name, recorded))
            {
                throw new ArgumentException($"An event named '{name}' was already recorded.", nameof(name));
            }
        }
    }

    /// <summary>The event recorded under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such event.</exception>
    public NamedEvent GetEvent(string name)
    {
        lock (_gate)
        {
            return _events.TryGetValue(name, out NamedEvent? found)
                ? found
                : throw new ArgumentException($"No event named '{name}' was recorded.", nameof(name));
        }
    }

    /// <summary>How two recorded events are ordered (see <see cref="VectorClockDetector.Order"/>).</summary>
    /// <exception cref="ArgumentException">An event was not recorded, or both names are the same.</exception>
    public OrderAnswer Order(string first, string second)
    {
        if (string.Equals(first, second, StringComparison.Ordinal))
        {
            throw new ArgumentException("Ask about two different events.", nameof(second));
        }

        NamedEvent a = GetEvent(first);
        NamedEvent b = GetEvent(second);
        HappensBeforeOrder order = a.HappensBefore(b) ? HappensBeforeOrder.FirstBeforeSecond
            : b.HappensBefore(a) ? HappensBeforeOrder.SecondBeforeFirst
            : HappensBeforeOrder.Concurrent;
        if (order == HappensBeforeOrder.Concurrent)
        {
            return new OrderAnswer(a, b, order, [], ChainFound: false);
        }

        (NamedEvent early, NamedEvent late) = order == HappensBeforeOrder.FirstBeforeSecond ? (a, b) : (b, a);
        IReadOnlyList<HappensBeforeEdge>? chain = EdgeChain.Find(Edges, early, late);
        return new OrderAnswer(a, b, order, chain ?? [], chain is not null);
    }

    /// <summary>Logs an edge into <paramref name="to"/>'s current epoch (call after its clock moved).</summary>
    public void Record(string kind, string objectName, Epoch from, string fromName, LogicalThread to)
    {
        lock (_gate)
        {
            _edges.Add(new HappensBeforeEdge(kind, objectName, from.ThreadId, fromName, from.Clock, to.Id, to.Name, to.Now));
        }
    }
}
