using System.Diagnostics;
using System.Numerics;
using System.Text;

namespace ActorConcurrency.RaceDetector.Clocks;

/// <summary>
/// A vector clock: for every logical thread id, the last clock value of that thread known here. Entries
/// beyond the array read as 0, so a clock never has to be sized for threads created after it. Not
/// thread-safe: a thread's own clock is touched only by that thread, and a synchronisation object's clock
/// only under that object's lock.
/// </summary>
public sealed class VectorClock
{
    private int[] _clocks;

    /// <summary>Creates an all-zero clock with room for <paramref name="capacity"/> threads.</summary>
    public VectorClock(int capacity = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _clocks = new int[capacity];
    }

    /// <summary>How many entries are stored (higher thread ids read as 0).</summary>
    public int Length => _clocks.Length;

    /// <summary>The clock of thread <paramref name="threadId"/> known here (0 if never heard of).</summary>
    public int this[int threadId]
    {
        get => (uint)threadId < (uint)_clocks.Length ? _clocks[threadId] : 0;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(threadId);
            EnsureLength(threadId + 1);
            _clocks[threadId] = value;
        }
    }

    /// <summary>Pointwise maximum: afterwards this clock knows everything <paramref name="other"/> knows.</summary>
    public void JoinWith(VectorClock other)
    {
        int[] theirs = other._clocks;
        EnsureLength(theirs.Length);
        int[] mine = _clocks;
        for (int i = 0; i < theirs.Length; i++)
        {
            if (theirs[i] > mine[i])
            {
                mine[i] = theirs[i];
            }
        }
    }

    /// <summary>Makes this clock equal to <paramref name="other"/> (no allocation once large enough).</summary>
    public void CopyFrom(VectorClock other)
    {
        int[] theirs = other._clocks;
        EnsureLength(theirs.Length);
        Array.Copy(theirs, _clocks, theirs.Length);
        Array.Clear(_clocks, theirs.Length, _clocks.Length - theirs.Length);
    }

    /// <summary>Drops every entry and the storage behind them (a retired thread's clock, never read again).</summary>
    internal void Release() => _clocks = new int[1];

    /// <summary>Sets every entry to 0.</summary>
    public void Clear() => Array.Clear(_clocks);

    /// <summary>A copy that does not change when this clock does.</summary>
    public VectorClock Clone()
    {
        var copy = new VectorClock(_clocks.Length);
        Array.Copy(_clocks, copy._clocks, _clocks.Length);
        return copy;
    }

    /// <summary>True when every entry is at most the matching entry of <paramref name="other"/> (this ⊑ other).</summary>
    public bool IsCoveredBy(VectorClock other)
    {
        for (int i = 0; i < _clocks.Length; i++)
        {
            if (_clocks[i] > other[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Shows the clock as <c>[3, 0, 1]</c>, trailing zeros dropped.</summary>
    public override string ToString()
    {
        int last = _clocks.Length - 1;
        while (last > 0 && _clocks[last] == 0)
        {
            last--;
        }

        var text = new StringBuilder("[");
        for (int i = 0; i <= last; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(_clocks[i]);
        }

        return text.Append(']').ToString();
    }

    private void EnsureLength(int length)
    {
        if (length > _clocks.Length)
        {
            // Round up to a power of two, never "double what I had": clocks copy and join each other, and
            // growing each past the other's length would make them leapfrog into huge arrays.
            Array.Resize(ref _clocks, (int)BitOperations.RoundUpToPowerOf2((uint)length));
        }

        Debug.Assert(_clocks.Length >= length);
    }
}
