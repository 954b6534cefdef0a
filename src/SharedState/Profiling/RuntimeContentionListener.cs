using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace ActorConcurrency.SharedState.Profiling;

/// <summary>
/// Listens, in process, to the runtime's lock-contention events: provider
/// <c>Microsoft-Windows-DotNETRuntime</c>, keyword <c>Contention</c> (0x4000) — the same events
/// <c>dotnet-trace</c> collects. ContentionStart (id 81, v2 in .NET 8+) is written by the thread that found
/// a lock held after spinning, with the address of the locked object (<c>AssociatedObjectID</c>);
/// ContentionStop (id 91, v1) is written by the same thread when it gets the lock, with the wait in
/// <c>DurationNs</c>. A stop is paired with the last start of its thread and handed to every sink.
/// <para>
/// One listener serves the whole process (<see cref="Instance"/>) and is never disposed: the runtime feeds
/// every <see cref="EventListener"/> from one internal session, which it restarts whenever a listener is
/// created or disposed, and events in flight at a restart can be lost. Profilers subscribe and unsubscribe
/// instead. Events reach it asynchronously, on the runtime's dispatch thread, some time after they happened.
/// </para>
/// </summary>
internal sealed class RuntimeContentionListener : EventListener
{
    public const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    public const EventKeywords ContentionKeyword = (EventKeywords)0x4000;

    private static readonly Lazy<RuntimeContentionListener> Shared = new(() => new RuntimeContentionListener());

    /// <summary>Guards the two fields below; never held while a sink runs.</summary>
    private readonly Lock _gate = new();
    private readonly Dictionary<long, nint> _pendingStartByThread = [];
    private IContentionSink[] _sinks = [];

    /// <summary>
    /// False while the base constructor runs: it calls <see cref="OnEventSourceCreated"/> for existing
    /// sources before our fields are initialised, and events enabled then could reach
    /// <see cref="OnEventWritten"/> before <see cref="_gate"/> exists. We enable after construction instead.
    /// </summary>
    private volatile bool _constructed;

    private RuntimeContentionListener()
    {
        _constructed = true;
        foreach (EventSource source in EventSource.GetSources())
        {
            EnableIfRuntime(source);
        }
    }

    /// <summary>The process's listener, enabled on first use.</summary>
    public static RuntimeContentionListener Instance => Shared.Value;

    public void Subscribe(IContentionSink sink)
    {
        lock (_gate)
        {
            _sinks = [.. _sinks, sink];
        }
    }

    public void Unsubscribe(IContentionSink sink)
    {
        lock (_gate)
        {
            _sinks = _sinks.Where(s => s != sink).ToArray();
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
        IContentionSink[] sinks;
        nint address;
        switch (eventData.EventName)
        {
            case "ContentionStart":
                address = Payload<nint>(eventData, "AssociatedObjectID");
                lock (_gate)
                {
                    _pendingStartByThread[eventData.OSThreadId] = address;
                    sinks = _sinks;
                }

                foreach (IContentionSink sink in sinks)
                {
                    sink.OnContentionStart(address);
                }

                break;

            case "ContentionStop":
                lock (_gate)
                {
                    // A stop whose start came before we listened has no pair: drop it.
                    if (!_pendingStartByThread.Remove(eventData.OSThreadId, out address))
                    {
                        return;
                    }

                    sinks = _sinks;
                }

                double ns = Payload<double>(eventData, "DurationNs");
                foreach (IContentionSink sink in sinks)
                {
                    sink.OnContentionStop(address, ns);
                }

                break;
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
}
