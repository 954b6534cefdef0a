using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// A plain array whose elements are separate tracked locations, as in Go: two goroutines writing
/// <c>a[0]</c> and <c>a[1]</c> do not race, and a race on <c>a[1]</c> is reported as <c>a[1]</c>. Each element
/// follows the rules of <see cref="TrackedVariable{T}"/>; the values are a plain array, so a racy program
/// really races. Its length is fixed and reading it is not an access.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class TrackedArray<T>
{
    private readonly VectorClockDetector _detector;
    private readonly T[] _values;
    private readonly ShadowLocation[] _locations;

    /// <summary>Creates an array of <paramref name="length"/> zero values named <paramref name="name"/> (elements <c>name[i]</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public TrackedArray(VectorClockDetector detector, string name, int length)
        : this(detector, name, new T[CheckLength(length)])
    {
    }

    /// <summary>Creates an array holding a copy of <paramref name="initial"/> (its initialisation is not an access).</summary>
    public TrackedArray(VectorClockDetector detector, string name, IReadOnlyList<T> initial)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(initial);
        _detector = detector;
        Name = name;
        _values = [.. initial];
        _locations = new ShadowLocation[_values.Length];
        for (int i = 0; i < _locations.Length; i++)
        {
            _locations[i] = new ShadowLocation(detector, $"{name}[{i}]");
        }
    }

    /// <summary>The array's name.</summary>
    public string Name { get; }

    /// <summary>Go's <c>len(a)</c>.</summary>
    public int Length => _values.Length;

    /// <summary>The shadow state of element <paramref name="index"/>.</summary>
    public ShadowLocation LocationOf(int index) => _locations[CheckIndex(index)];

    /// <summary>Element <paramref name="index"/>, without any check (for printing after the threads are joined).</summary>
    public T Peek(int index) => _values[CheckIndex(index)];

    /// <summary>A checked load of <c>a[index]</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Index out of range (Go panics).</exception>
    public T Read(int index, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        _locations[CheckIndex(index)].Read(_detector.CurrentThread(), member, file, line);
        return _values[index];
    }

    /// <summary>A checked store to <c>a[index]</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Index out of range (Go panics).</exception>
    public void Write(int index, T value, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        _locations[CheckIndex(index)].Write(_detector.CurrentThread(), member, file, line);
        _values[index] = value;
    }

    private int CheckIndex(int index)
    {
        if ((uint)index >= (uint)_values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index out of range [{index}] with length {_values.Length} ('{Name}')");
        }

        return index;
    }

    private static int CheckLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return length;
    }
}
