using System.ComponentModel;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Replacements for the framework's whole-array operations (<c>Array.Copy</c>, <c>Clear</c>, <c>Fill</c>, <c>Sort</c>,
/// <c>Reverse</c>, the searches, <c>CopyTo</c>, <c>Clone</c>): each checks the elements it reads or writes, as plain
/// accesses of those elements, then does the real operation. The rewriter calls them with the original arguments
/// and the access site last; only the range the operation touches is checked, so two copies into disjoint parts of
/// one array do not race.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ArrayHooks
{
    public static void Copy(Array sourceArray, Array destinationArray, int length, int site)
    {
        Check(sourceArray, 0, length, site, write: false);
        Check(destinationArray, 0, length, site, write: true);
        Array.Copy(sourceArray, destinationArray, length);
    }

    public static void Copy(Array sourceArray, Array destinationArray, long length, int site)
    {
        Check(sourceArray, 0, length, site, write: false);
        Check(destinationArray, 0, length, site, write: true);
        Array.Copy(sourceArray, destinationArray, length);
    }

    public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length, int site)
    {
        Check(sourceArray, sourceIndex, length, site, write: false);
        Check(destinationArray, destinationIndex, length, site, write: true);
        Array.Copy(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
    }

    public static void Copy(Array sourceArray, long sourceIndex, Array destinationArray, long destinationIndex, long length, int site)
    {
        Check(sourceArray, sourceIndex, length, site, write: false);
        Check(destinationArray, destinationIndex, length, site, write: true);
        Array.Copy(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
    }

    public static void ConstrainedCopy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length, int site)
    {
        Check(sourceArray, sourceIndex, length, site, write: false);
        Check(destinationArray, destinationIndex, length, site, write: true);
        Array.ConstrainedCopy(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
    }

    public static void CopyTo(Array source, Array array, int index, int site)
    {
        Check(source, 0, source?.Length ?? 0, site, write: false);
        Check(array, index, source?.Length ?? 0, site, write: true);
        source!.CopyTo(array, index);
    }

    public static object Clone(Array source, int site)
    {
        CheckAll(source, site, write: false);
        return source.Clone();
    }

    public static void Clear(Array array, int site)
    {
        CheckAll(array, site, write: true);
        Array.Clear(array);
    }

    public static void Clear(Array array, int index, int length, int site)
    {
        Check(array, index, length, site, write: true);
        Array.Clear(array, index, length);
    }

    public static void Fill<T>(T[] array, T value, int site)
    {
        CheckAll(array, site, write: true);
        Array.Fill(array, value);
    }

    public static void Fill<T>(T[] array, T value, int startIndex, int count, int site)
    {
        Check(array, startIndex, count, site, write: true);
        Array.Fill(array, value, startIndex, count);
    }

    public static void Reverse(Array array, int site)
    {
        CheckAll(array, site, write: true);
        Array.Reverse(array);
    }

    public static void Reverse(Array array, int index, int length, int site)
    {
        Check(array, index, length, site, write: true);
        Array.Reverse(array, index, length);
    }

    public static void Reverse<T>(T[] array, int site)
    {
        CheckAll(array, site, write: true);
        Array.Reverse(array);
    }

    public static void Reverse<T>(T[] array, int index, int length, int site)
    {
        Check(array, index, length, site, write: true);
        Array.Reverse(array, index, length);
    }

    public static void Sort(Array array, int site)
    {
        CheckAll(array, site, write: true);
        Array.Sort(array);
    }

    public static void Sort<T>(T[] array, int site)
    {
        CheckAll(array, site, write: true);
        Array.Sort(array);
    }

    public static void Sort<T>(T[] array, Comparison<T> comparison, int site)
    {
        CheckAll(array, site, write: true);
        Array.Sort(array, comparison);
    }

    public static void Sort<T>(T[] array, IComparer<T>? comparer, int site)
    {
        CheckAll(array, site, write: true);
        Array.Sort(array, comparer);
    }

    public static void Sort<T>(T[] array, int index, int length, int site)
    {
        Check(array, index, length, site, write: true);
        Array.Sort(array, index, length);
    }

    public static void Resize<T>(ref T[]? array, int newSize, int site)
    {
        CheckAll(array, site, write: false);
        Array.Resize(ref array, newSize);
    }

    public static int IndexOf<T>(T[] array, T value, int site)
    {
        CheckAll(array, site, write: false);
        return Array.IndexOf(array, value);
    }

    public static int IndexOf(Array array, object? value, int site)
    {
        CheckAll(array, site, write: false);
        return Array.IndexOf(array, value);
    }

    public static int LastIndexOf<T>(T[] array, T value, int site)
    {
        CheckAll(array, site, write: false);
        return Array.LastIndexOf(array, value);
    }

    public static int BinarySearch<T>(T[] array, T value, int site)
    {
        CheckAll(array, site, write: false);
        return Array.BinarySearch(array, value);
    }

    public static bool Exists<T>(T[] array, Predicate<T> match, int site)
    {
        CheckAll(array, site, write: false);
        return Array.Exists(array, match);
    }

    public static T? Find<T>(T[] array, Predicate<T> match, int site)
    {
        CheckAll(array, site, write: false);
        return Array.Find(array, match);
    }

    public static int FindIndex<T>(T[] array, Predicate<T> match, int site)
    {
        CheckAll(array, site, write: false);
        return Array.FindIndex(array, match);
    }

    public static T[] FindAll<T>(T[] array, Predicate<T> match, int site)
    {
        CheckAll(array, site, write: false);
        return Array.FindAll(array, match);
    }

    public static void ForEach<T>(T[] array, Action<T> action, int site)
    {
        CheckAll(array, site, write: false);
        Array.ForEach(array, action);
    }

    public static bool TrueForAll<T>(T[] array, Predicate<T> match, int site)
    {
        CheckAll(array, site, write: false);
        return Array.TrueForAll(array, match);
    }

    /// <summary>Checks elements [<paramref name="start"/>, start + <paramref name="count"/>) of <paramref name="array"/> as plain accesses.</summary>
    internal static void CheckRange(RaceSession session, LogicalThread thread, Array array, long start, long count, int site, bool write)
    {
        // Out-of-range arguments make the real operation throw right after; only the elements that exist are checked.
        long end = Math.Min(array.Length, start + Math.Max(count, 0));
        if (start < 0 || array.Rank != 1 || start >= end)
        {
            return;
        }

        RaceSite where = SiteTable.Get(site);
        RaceSite element = where with { LocationName = TypeNames.Friendly(array.GetType().GetElementType()!) + "[]" };
        for (long i = start; i < end; i++)
        {
            RaceHooks.Check(session, thread, session.Shadow.Element(array, (int)i, element, fieldOfElement: false), where.Where, write);
        }
    }

    private static void CheckAll(Array? array, int site, bool write) => Check(array, 0, array?.Length ?? 0, site, write);

    private static void Check(Array? array, long start, long count, int site, bool write)
    {
        if (array is not null && RaceSession.Active is { } session && session.CurrentOrCount() is { } thread)
        {
            CheckRange(session, thread, array, start, count, site, write);
        }
    }
}
