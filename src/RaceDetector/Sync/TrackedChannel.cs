using ActorConcurrency.RaceDetector.Clocks;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// A Go channel, tracked: it really carries values and really blocks, and it records the edges of the Go
/// memory model:
/// <list type="bullet">
/// <item>a send happens before the matching receive completes (each value carries its sender's clock);</item>
/// <item>unbuffered (capacity 0): the receive happens before the send completes (the receiver hands its clock back);</item>
/// <item>capacity C: the k-th receive happens before the (k+C)-th send completes (one slot clock per buffer position);</item>
/// <item>close happens before a receive that returns because the channel is closed.</item>
/// </list>
/// <see cref="TrackedSelect"/> waits on several channels' sends and receives (<see cref="SendCase"/>,
/// <see cref="ReceiveCase"/>); the case that fires synchronises exactly like that send or receive, and a
/// <c>default</c> (or a failed <see cref="TrySend"/> / <see cref="TryReceive"/>) creates no edge.
/// Sending on a closed channel and closing twice throw <see cref="System.Threading.Channels.ChannelClosedException"/>,
/// as Go panics. Every channel of a detector changes state under the detector's one channel lock.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class TrackedChannel<T>
{
    private readonly VectorClockDetector _detector;
    private readonly object _gate;

    /// <summary>Buffered only: the values sent and not yet received.</summary>
    private readonly Queue<ChannelMessage<T>> _buffer = new();

    /// <summary>Buffered only: the clock of receive k, kept at k mod C until send k + C completes.</summary>
    private readonly VectorClock[] _receiveClocks;
    private readonly Epoch[] _receiveEpochs;

    /// <summary>Unbuffered only: senders and receivers blocked on this channel (alone or in a select).</summary>
    private readonly List<SendOffer<T>> _sendOffers = [];
    private readonly List<ReceiveOffer<T>> _receiveOffers = [];

    // Guarded by _gate.
    private long _sends;
    private long _receives;
    private bool _closed;
    private VectorClock? _closeClock;
    private Epoch _closeEpoch;

    /// <summary>Creates a channel; <paramref name="capacity"/> 0 is unbuffered.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public TrackedChannel(VectorClockDetector detector, int capacity = 0, string name = "channel")
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _detector = detector;
        _gate = detector.ChannelGate;
        Capacity = capacity;
        Name = name;
        _receiveClocks = new VectorClock[capacity];
        _receiveEpochs = new Epoch[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _receiveClocks[i] = new VectorClock();
        }
    }

    /// <summary>Go's <c>cap(ch)</c>: 0 for unbuffered.</summary>
    public int Capacity { get; }

    /// <summary>
    /// Go's <c>len(ch)</c>: how many values are buffered now (always 0 unbuffered). Not a synchronisation: it
    /// creates no edge, so code that decides from it what is safe to touch still races.
    /// </summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _buffer.Count;
            }
        }
    }

    /// <summary>The name edges use.</summary>
    public string Name { get; }

    internal VectorClockDetector Detector => _detector;

    /// <summary><c>ch &lt;- value</c>: blocks until there is room (buffered) or a receiver took it (unbuffered).</summary>
    /// <exception cref="System.Threading.Channels.ChannelClosedException">The channel is closed, or was closed while this send waited.</exception>
    public void Send(T value) => TrackedSelect.Select(SendCase(value));

    /// <summary><c>&lt;-ch</c>: the next value, or <c>default</c> once the channel is closed and drained.</summary>
    public T Receive()
    {
        ReceiveOrClosed(out T value);
        return value;
    }

    /// <summary><c>v, ok := &lt;-ch</c>: blocks for a value; false (and <c>default</c>) once closed and drained.</summary>
    public bool ReceiveOrClosed(out T value)
    {
        ReceiveCase<T> receive = ReceiveCase();
        TrackedSelect.Select(receive);
        value = receive.Value;
        return receive.Ok;
    }

    /// <summary>
    /// <c>select { case ch &lt;- value: …; default: }</c>: sends if it can without blocking (room in the buffer, or a
    /// receiver already waiting on an unbuffered channel); false otherwise, with no edge.
    /// </summary>
    /// <exception cref="System.Threading.Channels.ChannelClosedException">The channel is closed.</exception>
    public bool TrySend(T value) => TrackedSelect.SelectOrDefault(SendCase(value)) == 0;

    /// <summary>
    /// <c>select { case v, ok := &lt;-ch: …; default: }</c>: receives if a value is there (or a sender is waiting, or
    /// the channel is closed: then <paramref name="ok"/> is false); returns false with no edge when nothing is.
    /// </summary>
    public bool TryReceive(out T value, out bool ok)
    {
        ReceiveCase<T> receive = ReceiveCase();
        bool fired = TrackedSelect.SelectOrDefault(receive) == 0;
        value = receive.Value;
        ok = receive.Ok;
        return fired;
    }

    /// <summary>A send of <paramref name="value"/> for <see cref="TrackedSelect"/>.</summary>
    public SendCase<T> SendCase(T value) => new(this, value);

    /// <summary>A receive for <see cref="TrackedSelect"/>; after it fired, it holds the value and <c>ok</c>.</summary>
    public ReceiveCase<T> ReceiveCase() => new(this);

    /// <summary><c>close(ch)</c>: receivers drain what is buffered, then get the zero value; blocked senders throw.</summary>
    /// <exception cref="System.Threading.Channels.ChannelClosedException">Already closed (Go: "close of closed channel").</exception>
    public void Close()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            ThrowIfClosed("close of closed channel");
            _closed = true;
            (_closeClock, _closeEpoch) = VectorClockDetector.ReleaseSnapshot(thread);
            thread.Tick();
            Monitor.PulseAll(_gate);
        }
    }

    // ---- called by the cases, holding the channel gate ----

    /// <summary>Sends now if it can: room in the buffer, or (unbuffered) a receiver waiting.</summary>
    internal bool TrySendLocked(LogicalThread thread, T value)
    {
        ThrowIfClosed("send on closed channel");
        if (Capacity == 0)
        {
            ReceiveOffer<T>? receiver = _receiveOffers.Find(o => o.Waiter.Live);
            if (receiver is null)
            {
                return false;
            }

            _receiveOffers.Remove(receiver);
            receiver.Delivered = Message(thread, value);
            receiver.Waiter.Fired = receiver.CaseIndex;
            _detector.AcquireFrom(thread, receiver.ReceiverClock, receiver.ReceiverEpoch, "unbuffered receive → send completes", Name);
        }
        else
        {
            if (_buffer.Count >= Capacity)
            {
                return false;
            }

            long n = _sends++;
            if (n >= Capacity)
            {
                // Capacity rule: receive n - C happened (that is why there is room), and it happens before this send completes.
                int slot = (int)(n % Capacity);
                _detector.AcquireFrom(thread, _receiveClocks[slot], _receiveEpochs[slot], $"receive k → send k+{Capacity} completes", Name);
            }

            _buffer.Enqueue(Message(thread, value));
        }

        Monitor.PulseAll(_gate);
        return true;
    }

    /// <summary>Receives now if it can: a buffered value, (unbuffered) a sender waiting, or the channel closed.</summary>
    internal bool TryReceiveLocked(LogicalThread thread, out T value, out bool ok)
    {
        if (Capacity == 0 && !_closed && _sendOffers.Find(o => o.Waiter.Live) is { } sender)
        {
            _sendOffers.Remove(sender);
            _detector.AcquireFrom(thread, sender.Message.SenderClock, sender.Message.SenderEpoch, "channel send → receive", Name);
            (sender.ReceiverClock, sender.ReceiverEpoch) = VectorClockDetector.ReleaseSnapshot(thread);
            sender.Waiter.Fired = sender.CaseIndex;
            thread.Tick();
            (value, ok) = (sender.Message.Value, true);
        }
        else if (_buffer.Count > 0)
        {
            ChannelMessage<T> message = _buffer.Dequeue();
            long k = _receives++;
            _detector.AcquireFrom(thread, message.SenderClock, message.SenderEpoch, "channel send → receive", Name);
            int slot = (int)(k % Capacity);
            (VectorClock clock, _receiveEpochs[slot]) = VectorClockDetector.ReleaseSnapshot(thread);
            _receiveClocks[slot].CopyFrom(clock);
            thread.Tick();
            (value, ok) = (message.Value, true);
        }
        else if (_closed)
        {
            // Closed and drained: the close happens before this receive returns.
            _detector.AcquireFrom(thread, _closeClock!, _closeEpoch, "close → receive of the zero value", Name);
            (value, ok) = (default!, false);
            return true;
        }
        else
        {
            (value, ok) = (default!, false);
            return false;
        }

        Monitor.PulseAll(_gate);
        return true;
    }

    /// <summary>Whether a send could proceed (or would throw because closed), ignoring <paramref name="own"/>'s offers.</summary>
    internal bool IsSendReady(SelectWaiter own) =>
        _closed || (Capacity == 0 ? _receiveOffers.Exists(o => o.Waiter.Live && o.Waiter != own) : _buffer.Count < Capacity);

    /// <summary>Whether a receive could proceed, ignoring <paramref name="own"/>'s offers.</summary>
    internal bool IsReceiveReady(SelectWaiter own) =>
        _closed || (Capacity == 0 ? _sendOffers.Exists(o => o.Waiter.Live && o.Waiter != own) : _buffer.Count > 0);

    /// <summary>Unbuffered: a blocked sender offers its value (and its clock as it blocked) to receivers.</summary>
    internal SendOffer<T>? PostSend(SelectWaiter waiter, int caseIndex, LogicalThread thread, T value)
    {
        if (Capacity > 0)
        {
            return null;
        }

        var offer = new SendOffer<T>(waiter, caseIndex, Message(thread, value));
        _sendOffers.Add(offer);
        return offer;
    }

    /// <summary>Unbuffered: a blocked receiver offers itself (and its clock as it blocked) to senders.</summary>
    internal ReceiveOffer<T>? PostReceive(SelectWaiter waiter, int caseIndex, LogicalThread thread)
    {
        if (Capacity > 0)
        {
            return null;
        }

        (VectorClock clock, Epoch epoch) = VectorClockDetector.ReleaseSnapshot(thread);
        thread.Tick();
        var offer = new ReceiveOffer<T>(waiter, caseIndex, clock, epoch);
        _receiveOffers.Add(offer);
        return offer;
    }

    internal void Withdraw(SendOffer<T> offer) => _sendOffers.Remove(offer);

    internal void Withdraw(ReceiveOffer<T> offer) => _receiveOffers.Remove(offer);

    /// <summary>A value with what its sender releases; the sender's clock moves on.</summary>
    private static ChannelMessage<T> Message(LogicalThread thread, T value)
    {
        (VectorClock clock, Epoch epoch) = VectorClockDetector.ReleaseSnapshot(thread);
        thread.Tick();
        return new ChannelMessage<T>(value, clock, epoch);
    }

    private void ThrowIfClosed(string what)
    {
        if (_closed)
        {
            throw new System.Threading.Channels.ChannelClosedException($"{what} '{Name}'");
        }
    }
}
