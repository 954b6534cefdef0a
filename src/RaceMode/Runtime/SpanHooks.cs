using System.ComponentModel;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Copies and fills through <c>Span&lt;T&gt;</c> made from arrays (<see cref="SpanRegistry"/>): the conversions and
/// constructors that make a span from an array remember it, and <c>CopyTo</c>, <c>TryCopyTo</c>, <c>Fill</c> and
/// <c>Clear</c> check the elements they read and write, as <see cref="ArrayHooks"/> does for <c>Array.*</c>. Each hook
/// takes the access site last.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpanHooks
{
    public static Span<T> op_Implicit<T>(T[]? array, int site) => Made(array, 0, (Span<T>)array);

    public static Span<T> Construct<T>(T[]? array, int site) => Made(array, 0, new Span<T>(array));

    public static Span<T> Construct<T>(T[]? array, int start, int length, int site) => Made(array, start, new Span<T>(array, start, length));

    public static void Construct<T>(ref Span<T> span, T[]? array, int site) => span = Construct(array, site);

    public static void Construct<T>(ref Span<T> span, T[]? array, int start, int length, int site) => span = Construct(array, start, length, site);

    public static void CopyTo<T>(ref Span<T> source, Span<T> destination, int site)
    {
        Check(source, site, write: false);
        Check(destination, site, write: true, length: source.Length);
        source.CopyTo(destination);
    }

    public static bool TryCopyTo<T>(ref Span<T> source, Span<T> destination, int site)
    {
        if (source.Length <= destination.Length)
        {
            Check(source, site, write: false);
            Check(destination, site, write: true, length: source.Length);
        }

        return source.TryCopyTo(destination);
    }

    public static void Fill<T>(ref Span<T> span, T value, int site)
    {
        Check(span, site, write: true);
        span.Fill(value);
    }

    public static void Clear<T>(ref Span<T> span, int site)
    {
        Check(span, site, write: true);
        span.Clear();
    }

    internal static Span<T> Made<T>(T[]? array, int start, Span<T> span)
    {
        SpanRegistry.Register(array, start, span);
        return span;
    }

    /// <summary>Checks the first <paramref name="length"/> elements (all, by default) of the array behind <paramref name="span"/>, if known.</summary>
    internal static void Check<T>(ReadOnlySpan<T> span, int site, bool write, int length = -1)
    {
        if (RaceSession.Active is { } session && session.CurrentOrCount() is { } thread && SpanRegistry.Find(span) is { } behind)
        {
            ArrayHooks.CheckRange(session, thread, behind.Array, behind.Start, length < 0 ? behind.Length : Math.Min(length, behind.Length), site, write);
        }
    }
}

/// <summary>The same for <c>ReadOnlySpan&lt;T&gt;</c>: made from an array, it is remembered; a copy from it reads the array.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReadOnlySpanHooks
{
    public static ReadOnlySpan<T> op_Implicit<T>(T[]? array, int site) => Made(array, 0, (ReadOnlySpan<T>)array);

    public static ReadOnlySpan<T> Construct<T>(T[]? array, int site) => Made(array, 0, new ReadOnlySpan<T>(array));

    public static ReadOnlySpan<T> Construct<T>(T[]? array, int start, int length, int site) => Made(array, start, new ReadOnlySpan<T>(array, start, length));

    public static void Construct<T>(ref ReadOnlySpan<T> span, T[]? array, int site) => span = Construct(array, site);

    public static void Construct<T>(ref ReadOnlySpan<T> span, T[]? array, int start, int length, int site) => span = Construct(array, start, length, site);

    public static void CopyTo<T>(ref ReadOnlySpan<T> source, Span<T> destination, int site)
    {
        SpanHooks.Check(source, site, write: false);
        SpanHooks.Check(destination, site, write: true, length: source.Length);
        source.CopyTo(destination);
    }

    public static bool TryCopyTo<T>(ref ReadOnlySpan<T> source, Span<T> destination, int site)
    {
        if (source.Length <= destination.Length)
        {
            SpanHooks.Check(source, site, write: false);
            SpanHooks.Check(destination, site, write: true, length: source.Length);
        }

        return source.TryCopyTo(destination);
    }

    private static ReadOnlySpan<T> Made<T>(T[]? array, int start, ReadOnlySpan<T> span)
    {
        SpanRegistry.Register(array, start, span);
        return span;
    }
}

/// <summary><c>MemoryExtensions.AsSpan(T[]…)</c> remembers the span it makes; <c>CopyTo(T[], Span&lt;T&gt;)</c> reads the array and writes the span's.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MemoryExtensionsHooks
{
    public static Span<T> AsSpan<T>(T[]? array, int site) => SpanHooks.Made(array, 0, array.AsSpan());

    public static Span<T> AsSpan<T>(T[]? array, int start, int site) => SpanHooks.Made(array, start, array.AsSpan(start));

    public static Span<T> AsSpan<T>(T[]? array, int start, int length, int site) => SpanHooks.Made(array, start, array.AsSpan(start, length));

    public static void CopyTo<T>(T[]? source, Span<T> destination, int site)
    {
        if (source is not null && RaceSession.Active is { } session && session.CurrentOrCount() is { } thread)
        {
            ArrayHooks.CheckRange(session, thread, source, 0, source.Length, site, write: false);
        }

        SpanHooks.Check<T>(destination, site, write: true, length: source?.Length ?? 0);
        source.CopyTo(destination);
    }
}
