namespace ActorConcurrency.SharedState.MemoryModel;

/// <summary>
/// Task 11, probe C: publishing data through a flag, <c>data = 42; ready = true;</c> on one thread, and
/// <c>while (!ready) { } print(data)</c> on another.
/// <list type="bullet">
/// <item>Plain: two failures are allowed. The reader's loop may read <c>ready</c> once and spin for ever
/// (as in probe A); and if it does see <c>ready</c>, nothing orders its read of <c>data</c> after it, nor
/// the writer's two stores — on a weakly ordered CPU (ARM64) the reader may print 0. x64 keeps stores
/// in order and loads in order, so there the second failure needs the JIT's help.</item>
/// <item>With <see cref="Volatile.Write(ref bool, bool)"/> (release) for the flag and
/// <see cref="Volatile.Read(ref readonly bool)"/> (acquire) in the loop: the reader stops, and having seen
/// <c>ready</c> it is guaranteed to see <c>data == 42</c>.</item>
/// </list>
/// </summary>
public sealed class PublicationProbe
{
    /// <summary>The value the writer publishes.</summary>
    public const int Published = 42;

    private static readonly Func<PublicationProbe, long> s_plainLoop = SpinLoopCompiler.Compile<PublicationProbe>(nameof(_ready), volatileRead: false);
    private static readonly Func<PublicationProbe, long> s_volatileLoop = SpinLoopCompiler.Compile<PublicationProbe>(nameof(_ready), volatileRead: true);

    private readonly Func<PublicationProbe, long> _loop;

    /// <summary>Written before <see cref="_ready"/>; read after it. Plain in both forms: the flag carries the ordering.</summary>
    private int _data;

    /// <summary>The flag: plain, or release store / acquire load.</summary>
    private bool _ready;

    private PublicationProbe(bool useVolatile)
    {
        UsesVolatile = useVolatile;
        _loop = useVolatile ? s_volatileLoop : s_plainLoop;
    }

    /// <summary>True when the flag is written with release and read with acquire.</summary>
    public bool UsesVolatile { get; }

    /// <summary>Probe C as written in the exercise: plain flag.</summary>
    public static PublicationProbe Plain() => new(useVolatile: false);

    /// <summary>Probe C fixed: volatile flag.</summary>
    public static PublicationProbe WithVolatile() => new(useVolatile: true);

    /// <summary>The writer: <c>data = 42; ready = true;</c></summary>
    public void Publish()
    {
        _data = Published;
        if (UsesVolatile)
        {
            Volatile.Write(ref _ready, true);
        }
        else
        {
            _ready = true;
        }
    }

    /// <summary>The reader: spins until <c>ready</c> is seen, then reads <c>data</c>. May never return in the plain form.</summary>
    public int WaitAndRead()
    {
        _loop(this);
        return _data;
    }
}
