using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

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

    /// <summary>Named objects that are not pinned (a library's internal lock): matched by their address when an event arrives. Guarded by <see cref="_gate"/>.</summary>
    private readonly List<(object Gate, string Name)> _movable = [];
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
    /// cannot pin (the lock inside a channel). The collector may move it, so an event whose address is unknown is
    /// matched against the object's address at the time the event is recorded; a move between the contention and
    /// its delivery leaves that event unnamed.
    /// </summary>
    public void Name(object gate, string name)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            _movable.Add((gate, name));
        }

        _names[AddressOf(gate)] = name;
    }

    /// <summary>Completes when a thread is next seen blocked on <paramref name="named"/> (its next ContentionStart from now).</summary>
    public Task WhenContended(NamedLock named) => WhenNext(named, stop: false);

    /// <summary>Completes when a wait for <paramref name="named"/> next ends and is measured (its next ContentionStop from now).</summary>
    public Task WhenWaitMeasured(NamedLock named) => WhenNext(named, stop: true);

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

    /// <summary>Stops listening.</summary>
    public void Dispose() => RuntimeContentionListener.Instance.Unsubscribe(this);

    void IContentionSink.OnContentionStart(nint address) => Record(address, stop: false, 0);

    void IContentionSink.OnContentionStop(nint address, double waitNs) => Record(address, stop: true, waitNs);

    private void Record(nint address, bool stop, double waitNs)
    {
        List<Waiter>? ready = null;
        lock (_gate)
        {
            if (_movable.Count > 0 && !_names.ContainsKey(address))
            {
                foreach ((object gate, string name) in _movable)
                {
                    if (AddressOf(gate) == address)
                    {
                        _names[address] = name;
                    }
                }
            }

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

    private Task WhenNext(NamedLock named, bool stop)
    {
        ArgumentNullException.ThrowIfNull(named);
        Name(named);
        lock (_gate)
        {
            Totals? totals = _byObject.GetValueOrDefault(named.Address);
            long after = totals is null ? 0 : stop ? totals.Stops : totals.Starts;
            var waiter = new Waiter(named.Address, stop, after, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
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

    /// <summary>Where <paramref name="gate"/> is now: what the runtime reports as the contended object's ID.</summary>
    private static nint AddressOf(object gate) => Unsafe.As<object, nint>(ref gate);

    private static TimeSpan FromNs(double ns) => TimeSpan.FromTicks((long)(ns / 100));

    private static string UnnamedLabel(nint address) =>
        "unnamed lock 0x" + address.ToString("x", CultureInfo.InvariantCulture);
}
