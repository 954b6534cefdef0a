using System.Diagnostics;
using System.Numerics;

namespace ActorConcurrency.SharedState.ShardedCounters;

/// <summary>
/// Task 19, shared-memory form: a counter striped over cache-line padded cells (one per core by default),
/// so concurrent <see cref="Add"/> calls from different cores touch different cache lines.
/// <para>
/// Two reads of the total. <see cref="Sum()"/> adds the cells one after the other with no coordination: it
/// is cheap and, while the cells only grow, two consecutive sums on one thread never decrease. But once
/// value moves between cells (<see cref="Transfer"/>: one cell −k, another +k, the total unchanged) a
/// plain sum can read the source before the move and the destination after it, and return a total that
/// never existed. <see cref="SnapshotSum()"/> is consistent: each cell carries a sequence lock; the reader
/// records every cell's sequence, sums, and checks that no sequence moved (no write overlapped the read);
/// after a bounded number of failed attempts it takes every cell's lock in order, which stops the writers
/// for the length of one sum.
/// </para>
/// </summary>
public sealed class StripedCounter
{
    /// <summary>Optimistic attempts of <see cref="SnapshotSum()"/> before it stops the writers.</summary>
    public const int DefaultOptimisticAttempts = 16;

    /// <summary>Largest stripe count a snapshot keeps its recorded sequences for on the stack.</summary>
    private const int StackStripes = 256;

    private readonly PaddedCell[] _cells;
    private readonly int _mask;

    /// <summary>Creates a counter with <paramref name="stripes"/> cells.</summary>
    /// <param name="stripes">A power of two from 1 to 4096.</param>
    /// <exception cref="ArgumentException">The count is not a power of two in range.</exception>
    public StripedCounter(int stripes)
    {
        if (stripes is < 1 or > 4096 || !BitOperations.IsPow2(stripes))
        {
            throw new ArgumentException($"The stripe count must be a power of two from 1 to 4096, got {stripes}.", nameof(stripes));
        }

        _cells = new PaddedCell[stripes];
        _mask = stripes - 1;
    }

    /// <summary>A counter with one stripe per core (rounded up to a power of two).</summary>
    public static StripedCounter PerCore() => new((int)BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount));

    /// <summary>How many cells the counter has.</summary>
    public int StripeCount => _cells.Length;

    /// <summary>Adds <paramref name="delta"/> to the cell of the core the caller runs on.</summary>
    public void Add(long delta) => AddToStripe(Thread.GetCurrentProcessorId() & _mask, delta);

    /// <summary>Adds <paramref name="delta"/> to one named cell (a thread that owns a stripe, or a spec).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such stripe.</exception>
    public void AddToStripe(int stripe, long delta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stripe);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stripe, _cells.Length);
        ref PaddedCell cell = ref _cells[stripe];
        long sequence = Enter(ref cell);
        // Only the holder of the stripe's sequence writes its value, so a plain read-modify-write is safe;
        // the volatile store keeps a concurrent plain Sum from reading a torn or stale value for long.
        Volatile.Write(ref cell.Value, cell.Value + delta);
        Exit(ref cell, sequence);
    }

    /// <summary>
    /// Moves <paramref name="amount"/> from one cell to another: the total is the same before and after.
    /// Both cells are locked (lower index first, so two transfers never wait on each other in a cycle) for
    /// the whole move, so a <see cref="SnapshotSum()"/> sees either both halves or neither.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such stripe.</exception>
    public void Transfer(int from, int to, long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, _cells.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(to);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(to, _cells.Length);
        if (from == to)
        {
            return;
        }

        ref PaddedCell first = ref _cells[Math.Min(from, to)];
        ref PaddedCell second = ref _cells[Math.Max(from, to)];
        long firstSequence = Enter(ref first);
        long secondSequence = Enter(ref second);
        ref PaddedCell source = ref _cells[from];
        ref PaddedCell destination = ref _cells[to];
        // The window a plain Sum can fall into: the source is already lower, the destination not yet higher.
        Volatile.Write(ref source.Value, source.Value - amount);
        Volatile.Write(ref destination.Value, destination.Value + amount);
        Exit(ref second, secondSequence);
        Exit(ref first, firstSequence);
    }

    /// <summary>
    /// The plain read: every cell once, in order, with no coordination. Exact when nothing writes; monotonic
    /// for one reader while cells only grow; under <see cref="Transfer"/> it may return a total that never existed.
    /// </summary>
    public long Sum() => Sum(afterCellRead: null);

    /// <summary>
    /// The snapshot read: a total the counter really had at one instant during the call, even under
    /// concurrent transfers. Lock-free for writers while it succeeds optimistically; after
    /// <see cref="DefaultOptimisticAttempts"/> failed attempts it stops the writers for one sum.
    /// </summary>
    public long SnapshotSum() => SnapshotSum(DefaultOptimisticAttempts, afterCellRead: null, out _);

    /// <summary>The plain read with a hook called after each cell is read (specs force an interleaving with it).</summary>
    internal long Sum(Action<int>? afterCellRead)
    {
        long total = 0;
        for (int i = 0; i < _cells.Length; i++)
        {
            total += Volatile.Read(ref _cells[i].Value);
            afterCellRead?.Invoke(i);
        }

        return total;
    }

    /// <summary>
    /// The snapshot read with its knobs exposed to specs: the number of optimistic attempts, a hook after
    /// each cell's value is read, and how many attempts were discarded because a write overlapped them.
    /// </summary>
    internal long SnapshotSum(int optimisticAttempts, Action<int>? afterCellRead, out int discardedAttempts)
    {
        discardedAttempts = 0;
        int n = _cells.Length;
        Span<long> sequences = n <= StackStripes ? stackalloc long[n] : new long[n];
        var spinner = default(SpinWait);
        for (int attempt = 0; attempt < optimisticAttempts; attempt++)
        {
            if (TrySnapshot(sequences, afterCellRead, out long total))
            {
                return total;
            }

            discardedAttempts++;
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        // Writers kept overlapping: take every stripe's lock in index order (the order Transfer uses, so no
        // cycle), read, release. Writers wait for one pass over the cells; the reader cannot starve.
        Span<long> held = n <= StackStripes ? stackalloc long[n] : new long[n];
        for (int i = 0; i < n; i++)
        {
            held[i] = Enter(ref _cells[i]);
        }

        long locked = 0;
        for (int i = 0; i < n; i++)
        {
            locked += Volatile.Read(ref _cells[i].Value);
            afterCellRead?.Invoke(i);
        }

        for (int i = n - 1; i >= 0; i--)
        {
            Exit(ref _cells[i], held[i]);
        }

        return locked;
    }

    private bool TrySnapshot(Span<long> sequences, Action<int>? afterCellRead, out long total)
    {
        total = 0;
        for (int i = 0; i < _cells.Length; i++)
        {
            long sequence = Volatile.Read(ref _cells[i].Sequence);
            if ((sequence & 1) != 0)
            {
                return false; // a writer holds this stripe right now
            }

            sequences[i] = sequence;
        }

        // Acquire reads: no value read moves above the sequence reads, and the re-check below cannot move
        // above the value reads. Every stripe's watch window therefore covers the whole value-reading pass.
        for (int i = 0; i < _cells.Length; i++)
        {
            total += Volatile.Read(ref _cells[i].Value);
            afterCellRead?.Invoke(i);
        }

        for (int i = 0; i < _cells.Length; i++)
        {
            if (Volatile.Read(ref _cells[i].Sequence) != sequences[i])
            {
                return false; // a write to stripe i overlapped the pass: the total may mix before and after
            }
        }

        return true;
    }

    /// <summary>Takes a stripe's sequence lock (even to odd) and returns the odd value now held.</summary>
    private static long Enter(ref PaddedCell cell)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            long sequence = Volatile.Read(ref cell.Sequence);
            if ((sequence & 1) == 0 && Interlocked.CompareExchange(ref cell.Sequence, sequence + 1, sequence) == sequence)
            {
                return sequence + 1;
            }

            // Another writer (or a locking snapshot) holds the stripe; it holds it for a few instructions.
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Releases a stripe: the release store publishes the value written before it.</summary>
    private static void Exit(ref PaddedCell cell, long held)
    {
        Debug.Assert((held & 1) == 1 && Volatile.Read(ref cell.Sequence) == held, "only the holder releases a stripe");
        Volatile.Write(ref cell.Sequence, held + 1);
    }
}
