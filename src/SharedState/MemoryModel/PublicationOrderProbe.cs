using System.Runtime.CompilerServices;

namespace ActorConcurrency.SharedState.MemoryModel;

/// <summary>
/// Task 11, probe C's ordering half, measured many times: a writer publishes rounds 1..N as
/// <c>_data = i; _ready = i;</c> while a reader repeatedly reads <c>_ready</c> then <c>_data</c> and counts
/// the reads where the data was older than the flag it had just seen (<c>data &lt; ready</c>) — the stores
/// or the loads taking effect out of program order. Plain on both sides this is allowed by the .NET model:
/// x64 (TSO) keeps stores in order and loads in order, so it should count 0 there; ARM64 may not. With
/// <see cref="Volatile.Write(ref int, int)"/> / <see cref="Volatile.Read(ref readonly int)"/> on the flag it is 0
/// everywhere.
/// </summary>
public sealed class PublicationOrderProbe
{
    /// <summary>Plain in both forms: the flag carries the ordering, or does not.</summary>
    private int _data;

    /// <summary>The flag: the round last published.</summary>
    private int _ready;

    private PublicationOrderProbe(bool useVolatile) => UsesVolatile = useVolatile;

    /// <summary>True when the flag is written with release and read with acquire.</summary>
    public bool UsesVolatile { get; }

    /// <summary>Plain stores and loads.</summary>
    public static PublicationOrderProbe Plain() => new(useVolatile: false);

    /// <summary>Release store and acquire load of the flag.</summary>
    public static PublicationOrderProbe WithVolatile() => new(useVolatile: true);

    /// <summary>The writer: publishes rounds 1..<paramref name="rounds"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounds"/> is below 1.</exception>
    public void Publish(int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        for (int round = 1; round <= rounds; round++)
        {
            _data = round;
            if (UsesVolatile)
            {
                Volatile.Write(ref _ready, round);
            }
            else
            {
                _ready = round;
            }
        }
    }

    /// <summary>The reader: reads until it sees round <paramref name="rounds"/>; returns the reads and the stale ones.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rounds"/> is below 1.</exception>
    public (long Reads, long Stale) ReadUntil(int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        long reads = 0, stale = 0;
        while (true)
        {
            // An opaque call: the JIT must assume it writes memory, so it cannot hoist the plain loads below
            // out of the loop (that failure is probe C's other half); it adds no ordering between them.
            Opaque();
            int ready = UsesVolatile ? Volatile.Read(ref _ready) : _ready;
            int data = _data;
            reads++;
            stale += data < ready ? 1 : 0;
            if (ready == rounds)
            {
                return (reads, stale);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Opaque()
    {
    }
}
