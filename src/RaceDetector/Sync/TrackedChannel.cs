using System.Threading.Channels;
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
/// Sending on a closed channel and closing twice throw <see cref="ChannelClosedException"/>, as Go panics.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class TrackedChannel<T>
{
    private readonly VectorClockDetector _detector;
    private readonly object _gate = new();
    private readonly Queue<Message> _queue = new();

    /// <summary>Buffered only: the clock of receive k, kept at k mod C until send k + C completes.</summary>
    private readonly VectorClock[] _receiveClocks;
    private readonly Epoch[] _receiveEpochs;

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
        Capacity = capacity;
        Name = name;
        _receiveClocks = new VectorClock[capacity];
        _receiveEpochs = new Epoch[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _receiveClocks[i] = new VectorClock();
        }
    }

    /// <summary>0 for unbuffered.</summary>
    public int Capacity { get; }

    /// <summary>The name edges use.</summary>
    public string Name { get; }

    /// <summary><c>ch &lt;- value</c>: blocks until there is room (buffered) or a receiver took it (unbuffered).</summary>
    /// <exception cref="ChannelClosedException">The channel is closed, or was closed while this send waited.</exception>
    public void Send(T value)
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            ThrowIfClosed("send on closed channel");
            if (Capacity == 0)
            {
                SendUnbuffered(thread, value);
            }
            else
            {
                SendBuffered(thread, value);
            }
        }
    }

    /// <summary><c>&lt;-ch</c>: the next value, or <c>default</c> once the channel is closed and drained.</summary>
    public T Receive()
    {
        ReceiveOrClosed(out T value);
        return value;
    }

    /// <summary><c>v, ok := &lt;-ch</c>: blocks for a value; false (and <c>default</c>) once closed and drained.</summary>
    public bool ReceiveOrClosed(out T value)
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            while (_queue.Count == 0 && !_closed)
            {
                Monitor.Wait(_gate);
            }

            if (_queue.Count == 0)
            {
                // Closed and drained: the close happens before this receive returns.
                _detector.AcquireFrom(thread, _closeClock!, _closeEpoch, "close → receive of the zero value", Name);
                value = default!;
                return false;
            }

            Message message = _queue.Dequeue();
            long k = _receives++;
            _detector.AcquireFrom(thread, message.SenderClock, message.SenderEpoch, "channel send → receive", Name);
            if (Capacity == 0)
            {
                // Unbuffered: hand this receive's clock back to the blocked sender.
                message.ReceiverClock = thread.Clock.Clone();
                message.ReceiverEpoch = thread.Epoch;
            }
            else
            {
                int slot = (int)(k % Capacity);
                _receiveClocks[slot].CopyFrom(thread.Clock);
                _receiveEpochs[slot] = thread.Epoch;
            }

            thread.Tick();
            Monitor.PulseAll(_gate);
            value = message.Value;
            return true;
        }
    }

    /// <summary><c>close(ch)</c>: receivers drain what is buffered, then get the zero value.</summary>
    /// <exception cref="ChannelClosedException">Already closed (Go: "close of closed channel").</exception>
    public void Close()
    {
        LogicalThread thread = _detector.CurrentThread();
        lock (_gate)
        {
            ThrowIfClosed("close of closed channel");
            _closed = true;
            _closeClock = thread.Clock.Clone();
            _closeEpoch = thread.Epoch;
            thread.Tick();
            Monitor.PulseAll(_gate);
        }
    }

    private void SendBuffered(LogicalThread thread, T value)
    {
        while (_queue.Count >= Capacity)
        {
            Monitor.Wait(_gate);
            ThrowIfClosed("send on closed channel");
        }

        long n = _sends++;
        if (n >= Capacity)
        {
            // Capacity rule: receive n - C happened (that is why there is room), and it happens before this send completes.
            int slot = (int)(n % Capacity);
            _detector.AcquireFrom(thread, _receiveClocks[slot], _receiveEpochs[slot], $"receive k → send k+{Capacity} completes", Name);
        }

        _queue.Enqueue(new Message(value, thread.Clock.Clone(), thread.Epoch));
        thread.Tick();
        Monitor.PulseAll(_gate);
    }

    private void SendUnbuffered(LogicalThread thread, T value)
    {
        var message = new Message(value, thread.Clock.Clone(), thread.Epoch);
        _sends++;
        thread.Tick();
        _queue.Enqueue(message);
        Monitor.PulseAll(_gate);

        // The send completes only when a receiver has taken this very message.
        while (message.ReceiverClock is null && !_closed)
        {
            Monitor.Wait(_gate);
        }

        if (message.ReceiverClock is null)
        {
            // Closed while blocked: Go panics with "send on closed channel"; the value was not delivered.
            RemovePending(message);
            throw new ChannelClosedException($"send on closed channel '{Name}'");
        }

        _detector.AcquireFrom(thread, message.ReceiverClock, message.ReceiverEpoch, "unbuffered receive → send completes", Name);
    }

    private void RemovePending(Message message)
    {
        Message[] rest = _queue.Where(m => m != message).ToArray();
        _queue.Clear();
        foreach (Message m in rest)
        {
            _queue.Enqueue(m);
        }
    }

    private void ThrowIfClosed(string what)
    {
        if (_closed)
        {
            throw new ChannelClosedException($"{what} '{Name}'");
        }
    }

    /// <summary>A value in flight with its sender's clock; for unbuffered channels, the receiver's clock comes back in it.</summary>
    private sealed class Message(T value, VectorClock senderClock, Epoch senderEpoch)
    {
        public T Value { get; } = value;

        public VectorClock SenderClock { get; } = senderClock;

        public Epoch SenderEpoch { get; } = senderEpoch;

        public VectorClock? ReceiverClock { get; set; }

        public Epoch ReceiverEpoch { get; set; }
    }
}
