using System.Diagnostics;

namespace ActorConcurrency.SharedState.Leaks;

/// <summary>
/// Task 9: an unbuffered channel, like Go's <c>make(chan T)</c>, which .NET does not have built in
/// (<c>Channel.CreateBounded(0)</c> is not allowed). <see cref="SendAsync"/> completes only when a receiver
/// has taken the item, and <see cref="ReceiveAsync"/> only when a sender has handed one over: the two
/// sides meet. A sender with no receiver waits for ever unless its token is cancelled — which is exactly
/// how the leaking fetch leaks.
/// </summary>
/// <remarks>
/// A sender and a receiver are matched under one lock, and a waiter leaves its queue only there, either
/// matched or cancelled; whoever removes it is the only one allowed to complete it, so a cancellation
/// racing with a match can never both cancel and deliver. Waiters are completed outside the lock, with
/// continuations run asynchronously, so no caller's code runs while the lock is held.
/// </remarks>
/// <typeparam name="T">The item handed over.</typeparam>
public sealed class Rendezvous<T>
{
    private readonly Lock _lock = new();

    /// <summary>Senders waiting for a receiver, oldest first. Guarded by <see cref="_lock"/>.</summary>
    private readonly LinkedList<Waiter> _senders = new();

    /// <summary>Receivers waiting for a sender, oldest first. Guarded by <see cref="_lock"/>.</summary>
    private readonly LinkedList<Waiter> _receivers = new();

    /// <summary>How many senders are blocked right now (a leaked sender stays counted).</summary>
    public int WaitingSenders
    {
        get
        {
            lock (_lock)
            {
                return _senders.Count;
            }
        }
    }

    /// <summary>Hands <paramref name="item"/> to a receiver; completes once one has taken it.</summary>
    /// <returns>A task that completes when a receiver took the item, or is cancelled with <paramref name="cancellationToken"/>.</returns>
    public Task SendAsync(T item, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        Waiter? receiver;
        Waiter? sender = null;
        lock (_lock)
        {
            receiver = TakeFirst(_receivers);
            if (receiver is null)
            {
                sender = new Waiter(item);
                sender.Node = _senders.AddLast(sender);
            }
        }

        if (receiver is not null)
        {
            // Matched under the lock: nobody else may complete this receiver now.
            receiver.Complete(item);
            return Task.CompletedTask;
        }

        Debug.Assert(sender is not null, "no receiver, so this send waits");
        sender.WatchCancellation(this, _senders, cancellationToken);
        return sender.Completion.Task;
    }

    /// <summary>Takes an item from a sender; completes once one has handed it over.</summary>
    /// <returns>The item, or a task cancelled with <paramref name="cancellationToken"/>.</returns>
    public async Task<T> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Waiter? sender;
        Waiter? receiver = null;
        lock (_lock)
        {
            sender = TakeFirst(_senders);
            if (sender is null)
            {
                receiver = new Waiter(default!);
                receiver.Node = _receivers.AddLast(receiver);
            }
        }

        if (sender is not null)
        {
            sender.Complete(sender.Item);
            return sender.Item;
        }

        Debug.Assert(receiver is not null, "no sender, so this receive waits");
        receiver.WatchCancellation(this, _receivers, cancellationToken);
        return await receiver.Completion.Task.ConfigureAwait(false);
    }

    private static Waiter? TakeFirst(LinkedList<Waiter> queue)
    {
        LinkedListNode<Waiter>? first = queue.First;
        if (first is null)
        {
            return null;
        }

        queue.Remove(first);
        first.Value.Node = null;
        return first.Value;
    }

    /// <summary>One blocked sender or receiver.</summary>
    private sealed class Waiter
    {
        public Waiter(T item) => Item = item;

        /// <summary>What a sender hands over (unused for a receiver).</summary>
        public T Item { get; }

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Its place in a queue while it waits; null once matched or cancelled. Guarded by the channel's lock.</summary>
        public LinkedListNode<Waiter>? Node { get; set; }

        private CancellationTokenRegistration Registration { get; set; }

        public void Complete(T item)
        {
            Registration.Dispose();
            bool completed = Completion.TrySetResult(item);
            Debug.Assert(completed, "only the one who dequeued a waiter completes it");
        }

        public void WatchCancellation(Rendezvous<T> channel, LinkedList<Waiter> queue, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled)
            {
                return;
            }

            // The waiter may already have been matched by the time the token fires (or even before this
            // registration is made): then it is no longer queued, and the cancellation is ignored.
            Registration = cancellationToken.Register(() =>
            {
                bool removed;
                lock (channel._lock)
                {
                    removed = Node is not null;
                    if (removed)
                    {
                        queue.Remove(Node!);
                        Node = null;
                    }
                }

                if (removed)
                {
                    Completion.TrySetCanceled(cancellationToken);
                }
            });
        }
    }
}
