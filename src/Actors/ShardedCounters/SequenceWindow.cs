using System.Diagnostics;

namespace ActorConcurrency.Actors.ShardedCounters;

/// <summary>
/// The client side of the exactly-once window: batch <c>s</c> may leave only while <c>s</c> is less than
/// <see cref="Width"/> past the oldest batch not yet acknowledged. That bounds both the batches in flight and
/// the numbers a counter must remember per client (<see cref="AppliedBatches"/>). One sender waits at a time
/// (the loop that numbers the batches); completions arrive from any thread.
/// </summary>
internal sealed class SequenceWindow
{
    private readonly object _gate = new();

    /// <summary>Per number in [oldest, oldest + width): finished (acknowledged or given up) out of order.</summary>
    private readonly bool[] _finished;

    private long _oldest, _next;
    private TaskCompletionSource? _waiter;
    private long _waitingFor;

    public SequenceWindow(int width)
    {
        Debug.Assert(width >= 1, "validated by the options");
        _finished = new bool[width];
    }

    public int Width => _finished.Length;

    /// <summary>The oldest number not finished yet (the next one to be numbered when none is in flight).</summary>
    public long OldestUnfinished
    {
        get
        {
            lock (_gate)
            {
                return _oldest;
            }
        }
    }

    /// <summary>Numbers the next batch once the window has room for it.</summary>
    public async Task<long> NextAsync(CancellationToken cancellationToken)
    {
        Task wait;
        long sequence;
        lock (_gate)
        {
            sequence = _next;
            if (sequence - _oldest < Width)
            {
                _next++;
                return sequence;
            }

            Debug.Assert(_waiter is null, "one numbering loop");
            _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waitingFor = sequence;
            wait = _waiter.Task;
        }

        await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            Debug.Assert(_next == sequence && sequence - _oldest < Width, "woken only when the window has room");
            _next++;
            return sequence;
        }
    }

    /// <summary>Marks <paramref name="sequence"/> acknowledged or given up; slides the window past finished numbers.</summary>
    public void Finished(long sequence)
    {
        TaskCompletionSource? wake = null;
        lock (_gate)
        {
            Debug.Assert(sequence >= _oldest && sequence < _next, "only a number in flight finishes");
            _finished[sequence % Width] = true;
            while (_oldest < _next && _finished[_oldest % Width])
            {
                _finished[_oldest % Width] = false;
                _oldest++;
            }

            if (_waiter is not null && _waitingFor - _oldest < Width)
            {
                (wake, _waiter) = (_waiter, null);
            }
        }

        // Completed outside the lock: the numbering loop's continuation must not run under it.
        wake?.TrySetResult();
    }
}
