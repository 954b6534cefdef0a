namespace ActorConcurrency.SharedState.MemoryModel;

/// <summary>
/// Task 11, probes A and B: one thread spins on a stop flag, another sets it. The loop is
/// <c>while (!_stop) n++;</c> (see <see cref="SpinLoopCompiler"/> for why it is emitted rather than written).
/// <list type="bullet">
/// <item>A, plain read: nothing in the loop writes memory, so the optimising JIT may load <c>_stop</c> once,
/// before the loop, and spin on a register for ever. Whether it does is up to the JIT: the C# and .NET
/// memory models allow it, so the program is wrong even on a machine where it happens to stop.</item>
/// <item>B, <see cref="Volatile.Read(ref readonly bool)"/>: a volatile load may not be removed or hoisted, so the
/// spinner sees the store in bounded time — guaranteed, on every JIT and CPU.</item>
/// </list>
/// </summary>
public sealed class StopFlagProbe
{
    private static readonly Func<StopFlagProbe, long> s_plainLoop = SpinLoopCompiler.Compile<StopFlagProbe>(nameof(_stop), volatileRead: false);
    private static readonly Func<StopFlagProbe, long> s_volatileLoop = SpinLoopCompiler.Compile<StopFlagProbe>(nameof(_stop), volatileRead: true);

    private readonly Func<StopFlagProbe, long> _loop;

    /// <summary>The flag. Written by <see cref="RequestStop"/>; read by the spin loop, plainly or volatilely.</summary>
    private bool _stop;

    private StopFlagProbe(bool useVolatile)
    {
        UsesVolatile = useVolatile;
        _loop = useVolatile ? s_volatileLoop : s_plainLoop;
    }

    /// <summary>True for probe B (volatile read and write), false for probe A (plain).</summary>
    public bool UsesVolatile { get; }

    /// <summary>Probe A: plain read in the loop, plain store.</summary>
    public static StopFlagProbe Plain() => new(useVolatile: false);

    /// <summary>Probe B: <c>Volatile.Read</c> in the loop, <c>Volatile.Write</c> to stop.</summary>
    public static StopFlagProbe WithVolatile() => new(useVolatile: true);

    /// <summary>Spins until the flag is seen set; returns how many iterations that took. May never return for probe A.</summary>
    public long SpinUntilStopped() => _loop(this);

    /// <summary>Sets the flag (a release store for probe B, a plain store for probe A).</summary>
    public void RequestStop()
    {
        if (UsesVolatile)
        {
            Volatile.Write(ref _stop, true);
        }
        else
        {
            _stop = true;
        }
    }
}
