using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// A plain (unsynchronised) variable whose every access is checked for races: a value beside its
/// <see cref="ShadowLocation"/>, which applies FastTrack (an access by a thread that already made the same
/// kind of access in its current epoch is decided by one comparison, with no allocation). The value itself
/// is stored and loaded outside the shadow state's lock, as a plain field: the program really races when it
/// races (a racy counter really loses updates), the detector only watches.
/// <para>
/// <see cref="Sync.TrackedInterlocked"/> makes atomic accesses to the same variable (Go's <c>atomic.AddInt32(&amp;x, 1)</c>
/// beside a plain <c>x++</c>; .NET's <c>Interlocked.Increment(ref x)</c>): mixed access races unless ordered.
/// </para>
/// </summary>
/// <typeparam name="T">The variable's type.</typeparam>
public sealed class TrackedVariable<T>
{
    private readonly VectorClockDetector _detector;

    /// <summary>The program's value: a plain field, deliberately.</summary>
    private T _value;

    /// <summary>Creates a tracked variable holding <paramref name="initial"/> (its initialisation is not an access).</summary>
    public TrackedVariable(VectorClockDetector detector, string name, T initial = default!)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _detector = detector;
        Location = new ShadowLocation(detector, name);
        _value = initial;
    }

    /// <summary>The name reports use.</summary>
    public string Name => Location.Name;

    /// <summary>The variable's shadow state (shared by its plain and atomic accesses).</summary>
    public ShadowLocation Location { get; }

    /// <summary>The detector that checks it.</summary>
    internal VectorClockDetector Detector => _detector;

    /// <summary>The value's storage, for atomic operations done inside the location's <see cref="AtomicScope"/>.</summary>
    internal ref T Value => ref _value;

    /// <summary>The value, without any check (for printing after the program's threads are joined).</summary>
    public T Peek() => _value;

    /// <summary>A checked load.</summary>
    public T Read([CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Location.Read(_detector.CurrentThread(), member, file, line);
        return _value;
    }

    /// <summary>A checked store.</summary>
    public void Write(T value, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Location.Write(_detector.CurrentThread(), member, file, line);
        _value = value;
    }
}
