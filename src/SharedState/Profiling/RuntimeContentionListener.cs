using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace ActorConcurrency.SharedState.Profiling;

/// <summary>
/// Listens, in process, to the runtime's lock-contention events: provider
/// <c>Microsoft-Windows-DotNETRuntime</c>, keyword <c>Contention</c> (0x4000) — the same events
/// <c>dotnet-trace</c> collects. ContentionStart (id 81, v2 in .NET 8+) is written by the thread that found
/// a lock held after spinning, with the address of the locked object (<c>AssociatedObjectID</c>);
/// ContentionStop (id 91, v1) is written by the same thread when it gets the lock, with the wait in
/// <c>DurationNs</c>. A stop is paired with the last start of its thread.
/// <para>
/// The runtime delivers these events to an <see cref="EventListener"/> asynchronously, on its own dispatch
/// thread, some time after they happened: code that needs an event waits for it with
/// <see cref="WhenSeen"/>, never with a sleep.
/// </para>
/// </summary>
internal sealed class RuntimeContentionListener : EventListener
{
    public const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    public const EventKeywords ContentionKeyword = (EventKeywords)0x4000;

    /// <summary>Guards everything below. Held only for dictionary updates, never while completing a waiter.</summary>
    private readonly Lock _gate = new();
    private readonly Dictionary<long, nint> _pendingStartByThread = [];
    private readonly Dictionary<nint, Accumulator> _byObject = [];
    private readonly List<Waiter> _waiters = [];

    /// <summary>
    /// False while the base constructor runs: it calls <see cref="OnEventSourceCreated"/> for existing
    /// sources before our fields are initialised, and events enabled then could reach
    /// <see cref="OnEventWritten"/> before <see cref="_gate"/> exists. We enable after construction instead.
    /// </summary>
    private volatile bool _constructed;

    public RuntimeContentionListener()
    {
        _constructed = true;
        foreach (EventSource source in EventSource.GetSources())
        {
            EnableIfRuntime(source);
        }
    }

    /// <summary>Whether a start (or, with <paramref name="stop"/>, a stop) for <paramref name="address"/> has arrived.</summary>
    public Task WhenSeen(nint address, bool stop)
    {
        lock (_gate)
        {
            if (_byObject.TryGetValue(address, out Accumulator? existing) && (stop ? existing.Stops : existing.Starts) > 0)
            {
                return Task.CompletedTask;
            }

            var waiter = new Waiter(address, stop, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
            return waiter.Completion.Task;
        }
    }

    /// <summary>A copy of the totals per locked object.</summary>
    public IReadOnlyDictionary<nint, (long Count, double TotalNs, double MaxNs)> Snapshot()
    {
        lock (_gate)
        {
            return _byObject.ToDictionary(p => p.Key, p => (p.Value.Starts, p.Value.TotalNs, p.Value.MaxNs));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (_constructed)
        {
            EnableIfRuntime(eventSource);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        List<Waiter>? ready = null;
        lock (_gate)
        {
            switch (eventData.EventName)
            {
                case "ContentionStart":
                {
                    nint address = Payload<nint>(eventData, "AssociatedObjectID");
                    _pendingStartByThread[eventData.OSThreadId] = address;
                    Accumulator totals = TotalsFor(address);
                    totals.Starts++;
                    ready = TakeWaiters(address, stop: false);
                    break;
                }

                case "ContentionStop":
                {
                    // A stop whose start came before the capture began has no pair: drop it.
                    if (!_pendingStartByThread.Remove(eventData.OSThreadId, out nint address))
                    {
                        break;
                    }

                    double ns = Payload<double>(eventData, "DurationNs");
                    Accumulator totals = TotalsFor(address);
                    totals.Stops++;
                    totals.TotalNs += ns;
                    totals.MaxNs = Math.Max(totals.MaxNs, ns);
                    ready = TakeWaiters(address, stop: true);
                    break;
                }
            }
        }

        // Completed outside the lock: a continuation must not run while we hold it.
        foreach (Waiter waiter in ready ?? [])
        {
            waiter.Completion.TrySetResult();
        }
    }

    private static T Payload<T>(EventWrittenEventArgs e, string name)
    {
        int index = e.PayloadNames?.IndexOf(name) ?? -1;
        Debug.Assert(index >= 0, $"{e.EventName} v{e.Version} has no {name}: the runtime is older than .NET 8");
        return index >= 0 && e.Payload![index] is T value ? value : default!;
    }

    private void EnableIfRuntime(EventSource source)
    {
        if (source.Name == RuntimeProvider)
        {
            EnableEvents(source, EventLevel.Informational, ContentionKeyword);
        }
    }

    private Accumulator TotalsFor(nint address)
    {
        if (!_byObject.TryGetValue(address, out Accumulator? totals))
        {
            totals = new Accumulator();
            _byObject[address] = totals;
        }

        return totals;
    }

    private List<Waiter>? TakeWaiters(nint address, bool stop)
    {
        List<Waiter>? ready = null;
        for (int i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Address == address && _waiters[i].Stop == stop)
            {
                (ready ??= []).Add(_waiters[i]);
                _waiters.RemoveAt(i);
            }
        }

        return ready;
    }

    /// <summary>Running totals for one locked object; guarded by the listener's gate.</summary>
    private sealed class Accumulator
    {
        public long Starts;
        public long Stops;
        public double TotalNs;
        public double MaxNs;
    }

    /// <summary>Someone waiting for the first start or stop of one object.</summary>
    private sealed record Waiter(nint Address, bool Stop, TaskCompletionSource Completion);
}
