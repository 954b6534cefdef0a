using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorConcurrency.SharedState.Profiling;

/// <summary>
/// Task 16 (Go's mutex profile): an in-process contention profiler. While it runs it captures the runtime's
/// lock-contention events (see <see cref="RuntimeContentionListener"/>) and aggregates them per lock —
/// count, total and longest wait — with the names of the <see cref="NamedLock"/>s it was told about, plus
/// the growth of <see cref="Monitor.LockContentionCount"/>. <see cref="StopAsync"/> ranks the locks by
/// total wait.
/// <para>
/// Events arrive asynchronously, so the stop first forces one contention on a private marker lock and
/// waits (bounded) for its events: the runtime dispatches events in timestamp order, so once the marker's
/// stop has arrived, every contention that happened before it has too.
/// </para>
/// </summary>
public sealed class ContentionProfiler : IContentionSink, IDisposable
{
    private const string MarkerName = "profiler flush marker";

    /// <summary>Guards the totals and waiters below: written on the runtime's dispatch thread, read by the caller.</summary>
    private readonly Lock _gate = new();
    private readonly Dictionary<nint, Totals> _byObject = [];
    private readonly List<Waiter> _waiters = [];
    private readonly ConcurrentDictionary<nint, string> _names = new();

    /// <summary>
    /// The pins on named objects the caller could not pin (a library's internal lock), held until <see cref="Dispose"/>.
    /// Guarded by <see cref="_gate"/>.
    /// </summary>
    private readonly List<PinnedGCHandle<object>> _pins = [];
    private bool _disposed;
    private readonly NamedLock _marker = new(MarkerName);
    private readonly long _monitorContentionsAtStart = Monitor.LockContentionCount;
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    private ContentionProfiler()
    {
        Name(_marker);
        RuntimeContentionListener.Instance.Subscribe(this);
    }

    /// <summary>Starts capturing.</summary>
    public static ContentionProfiler Start() => new();

    /// <summary>Gives <paramref name="named"/>'s name to the contention events on its gate.</summary>
    public void Name(NamedLock named)
    {
        ArgumentNullException.ThrowIfNull(named);
        _names[named.Address] = named.Name;
    }

    /// <summary>
    /// Gives <paramref name="name"/> to the contention events on <paramref name="gate"/>, an object the caller
    /// cannot allocate pinned (the lock inside a channel). The runtime names the object of a contention only by
    /// its address at that moment, and the event reaches us later, on the dispatch thread; had the collector
    /// compacted the heap in between, the object would be elsewhere and the event unnamed (more likely the
    /// busier the machine: the later the dispatch, the more collections fit in between). So the profiler pins
    /// the object until it is disposed, and its address stays the one every event reports. Name it before it
    /// is contended: an event from before the pin may carry an older address.
    /// </summary>
    public void Name(object gate, string name)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _pins.Add(new PinnedGCHandle<object>(gate));
        }

        _names[AddressOf(gate)] = name; // read after pinning: final
    }

    /// <summary>Completes when a thread is next seen blocked on <paramref name="named"/> (its next ContentionStart from now).</summary>
    public Task WhenContended(NamedLock named)
    {
        ArgumentNullException.ThrowIfNull(named);
        Name(named);
        return WhenNext(named.Address, stop: false);
    }

    /// <summary>
    /// Completes when a thread is next seen blocked on <paramref name="gate"/>, an object named with
    /// <see cref="Name(object, string)"/> (so pinned, and its address is the one its events carry). This, not
    /// the process-wide <see cref="Monitor.LockContentionCount"/>, says that a thread waits for this very object.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="gate"/> was not named first.</exception>
    public Task WhenContended(object gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        lock (_gate)
        {
            if (!_pins.Any(pin => ReferenceEquals(pin.Target, gate)))
            {
                throw new ArgumentException("Name the object first: only a pinned object keeps the address its events carry.", nameof(gate));
            }
        }

        return WhenNext(AddressOf(gate), stop: false);
    }

    /// <summary>Completes when a wait for <paramref name="named"/> next ends and is measured (its next ContentionStop from now).</summary>
    public Task WhenWaitMeasured(NamedLock named)
    {
        ArgumentNullException.ThrowIfNull(named);
        Name(named);
        return WhenNext(named.Address, stop: true);
    }

    /// <summary>
    /// Ends the capture: flushes the events still in flight (waiting at most <paramref name="flushTimeout"/>),
    /// then ranks the locks by total wait, then by count.
    /// </summary>
    public async Task<ContentionReport> StopAsync(TimeSpan flushTimeout, CancellationToken cancellationToken = default)
    {
        long monitorContentions = Monitor.LockContentionCount - _monitorContentionsAtStart;
        TimeSpan elapsed = _watch.Elapsed;
        bool complete = await ForceContentionAsync(_marker, this, flushTimeout, cancellationToken).ConfigureAwait(false);

        KeyValuePair<nint, Totals>[] snapshot;
        lock (_gate)
        {
            snapshot = _byObject.Select(p => KeyValuePair.Create(p.Key, p.Value with { })).ToArray();
        }

        var rows = snapshot
            .Select(p => (Name: _names.TryGetValue(p.Key, out string? name) ? name : UnnamedLabel(p.Key), p.Value))
            .Where(p => p.Name != MarkerName)
            .Select(p => new LockContention(p.Name, p.Value.Starts, FromNs(p.Value.TotalNs), FromNs(p.Value.MaxNs)))
            .OrderByDescending(r => r.TotalWait)
            .ThenByDescending(r => r.Contentions)
            .ToArray();
        return new ContentionReport(rows, monitorContentions, elapsed, complete);
    }

    /// <summary>
    /// Forces one contention on <paramref name="named"/> with gates, no sleeps: a holder thread takes the
    /// lock, a second thread blocks on it, and the holder lets go only once <paramref name="profiler"/> has
    /// seen the second thread blocked. Returns true when the wait was measured within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<bool> ForceContentionAsync(NamedLock named, ContentionProfiler profiler, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(named);
        ArgumentNullException.ThrowIfNull(profiler);
        Task contended = profiler.WhenContended(named);
        Task measured = profiler.WhenWaitMeasured(named);
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (named.Gate)
            {
                held.Set();
                release.Wait();
            }
        }) { IsBackground = true, Name = $"{named.Name} holder" };
        var blocked = new Thread(() =>
        {
            lock (named.Gate)
            {
            }
        }) { IsBackground = true, Name = $"{named.Name} waiter" };

        holder.Start();
        held.Wait(cancellationToken);
        blocked.Start();
        bool seen;
        try
        {
            seen = await Completes(contended, timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Whatever happened, let the waiter through, so no thread is left blocked.
            release.Set();
            holder.Join();
            blocked.Join();
        }

        return seen && await Completes(measured, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops listening and unpins the objects named with <see cref="Name(object, string)"/>.</summary>
    public void Dispose()
    {
        RuntimeContentionListener.Instance.Unsubscribe(this);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (PinnedGCHandle<object> pin in _pins)
            {
                pin.Dispose();
            }

            _pins.Clear();
        }
    }

    void IContentionSink.OnContentionStart(nint address) => Record(address, stop: false, 0);

    void IContentionSink.OnContentionStop(nint address, double waitNs) => Record(address, stop: true, waitNs);

    private void Record(nint address, bool stop, double waitNs)
    {
        List<Waiter>? ready = null;
        lock (_gate)
        {
            Totals totals = _byObject.GetValueOrDefault(address) ?? new Totals(0, 0, 0, 0);
            totals = stop
                ? totals with { Stops = totals.Stops + 1, TotalNs = totals.TotalNs + waitNs, MaxNs = Math.Max(totals.MaxNs, waitNs) }
                : totals with { Starts = totals.Starts + 1 };
            _byObject[address] = totals;
            long count = stop ? totals.Stops : totals.Starts;
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                Waiter w = _waiters[i];
                if (w.Address == address && w.Stop == stop && count > w.After)
                {
                    (ready ??= []).Add(w);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Completed outside the lock (and asynchronously): a continuation must not run while we hold it.
        foreach (Waiter waiter in ready ?? [])
        {
            waiter.Completion.TrySetResult();
        }
    }

    private Task WhenNext(nint address, bool stop)
    {
        lock (_gate)
        {
            Totals? totals = _byObject.GetValueOrDefault(address);
            long after = totals is null ? 0 : stop ? totals.Stops : totals.Starts;
            var waiter = new Waiter(address, stop, after, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
            return waiter.Completion.Task;
        }
    }

    private static async Task<bool> Completes(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Running totals for one locked object (immutable; replaced under the gate).</summary>
    private sealed record Totals(long Starts, long Stops, double TotalNs, double MaxNs);

    /// <summary>Someone waiting for the next start or stop of one object after the <paramref name="After"/>-th.</summary>
    private sealed record Waiter(nint Address, bool Stop, long After, TaskCompletionSource Completion);

    /// <summary>Where <paramref name="gate"/> is now: what the runtime reports as the contended object's ID (final once pinned).</summary>
    private static nint AddressOf(object gate) => Unsafe.As<object, nint>(ref gate);

    private static TimeSpan FromNs(double ns) => TimeSpan.FromTicks((long)(ns / 100));

    private static string UnnamedLabel(nint address) =>
        "unnamed lock 0x" + address.ToString("x", CultureInfo.InvariantCulture);
}
