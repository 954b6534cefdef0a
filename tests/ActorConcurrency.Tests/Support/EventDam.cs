using System.Diagnostics.Tracing;
using ActorConcurrency.SharedState.Profiling;

namespace ActorConcurrency.Tests.Support;

/// <summary>
/// Holds back the delivery of the runtime's events, so a spec can act between an event happening and a
/// listener receiving it. The runtime hands its events to every in-process <see cref="EventListener"/> on
/// one dispatch thread, in timestamp order: this listener blocks that thread on the ContentionStart of its
/// own pinned lock until <see cref="Open"/>, so every event written after it waits too. Create it before
/// the events that matter (creating a listener restarts the runtime's session); the block is bounded.
/// </summary>
internal sealed class EventDam : EventListener
{
    private readonly NamedLock _dam = new("spec: event dam");
    private readonly ManualResetEventSlim _closed = new();
    private readonly ManualResetEventSlim _open = new();
    private readonly TimeSpan _bound;

    /// <summary>False while the base constructor calls <see cref="OnEventSourceCreated"/>, before our fields exist.</summary>
    private readonly bool _constructed;

    public EventDam(TimeSpan bound)
    {
        _bound = bound;
        _constructed = true;
        foreach (EventSource source in EventSource.GetSources())
        {
            Enable(source);
        }
    }

    /// <summary>
    /// Blocks the dispatch thread: forces a contention on the dam's lock and returns once the dispatch thread
    /// has reached its event and stopped there (false if it did not within the bound).
    /// </summary>
    public bool Close()
    {
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (_dam.Gate)
            {
                held.Set();
                release.Wait();
            }
        });
        var waiter = new Thread(() =>
        {
            lock (_dam.Gate)
            {
            }
        });
        holder.Start();
        held.Wait();
        waiter.Start();
        bool closed = _closed.Wait(_bound);
        release.Set();
        holder.Join();
        waiter.Join();
        return closed;
    }

    /// <summary>Lets the dispatch thread go on.</summary>
    public void Open() => _open.Set();

    public override void Dispose()
    {
        Open();
        base.Dispose();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (_constructed)
        {
            Enable(eventSource);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName == "ContentionStart" && eventData.PayloadNames is { } names
            && eventData.Payload![names.IndexOf("AssociatedObjectID")] is nint address && address == _dam.Address)
        {
            _closed.Set();
            _open.Wait(_bound);
        }
    }

    private void Enable(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Informational, (EventKeywords)0x4000);
        }
    }
}
