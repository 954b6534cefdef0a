using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The framework types that are not safe for concurrent use and that race mode checks as Go checks maps: a call
/// from rewritten code on one of them is a read or a write of the whole object (one location per collection, named
/// after its type). Which members write is listed per type; every other member reads, except on the types whose
/// every member changes their state (<see cref="System.Random"/>, <see cref="System.Text.StringBuilder"/>), where
/// the list names the reads. A setter always writes. Views and enumerators (<c>Dictionary.Keys</c>,
/// <c>List&lt;T&gt;.Enumerator</c>) are reads of the collection they were taken from. docs/race-mode.md prints these
/// tables. Misclassifying a read as a write could invent a race, so an unlisted member reads.
/// </summary>
internal static class CheckedCollections
{
    private static readonly string[] s_listWrites =
        ["Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "Clear", "Reverse", "Sort",
            "EnsureCapacity", "TrimExcess"];

    private static readonly string[] s_setWrites =
        ["Add", "Remove", "RemoveWhere", "Clear", "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith", "EnsureCapacity",
            "TrimExcess", "OnDeserialization"];

    /// <summary>Generic definitions (and plain types) by full name, with the members that write.</summary>
    private static readonly FrozenDictionary<string, Members> s_types = new Dictionary<string, Members>
    {
        ["System.Collections.Generic.List`1"] = Members.Writing(s_listWrites),
        ["System.Collections.Generic.Dictionary`2"] = Members.Writing(["Add", "TryAdd", "Remove", "Clear", "EnsureCapacity", "TrimExcess", "OnDeserialization"]),
        ["System.Collections.Generic.HashSet`1"] = Members.Writing(s_setWrites),
        ["System.Collections.Generic.SortedSet`1"] = Members.Writing(s_setWrites),
        ["System.Collections.Generic.Queue`1"] = Members.Writing(["Enqueue", "Dequeue", "TryDequeue", "Clear", "EnsureCapacity", "TrimExcess"]),
        ["System.Collections.Generic.Stack`1"] = Members.Writing(["Push", "Pop", "TryPop", "Clear", "EnsureCapacity", "TrimExcess"]),
        ["System.Collections.Generic.PriorityQueue`2"] = Members.Writing(
            ["Enqueue", "EnqueueRange", "Dequeue", "TryDequeue", "EnqueueDequeue", "DequeueEnqueue", "Remove", "Clear", "EnsureCapacity", "TrimExcess"]),
        ["System.Collections.Generic.SortedDictionary`2"] = Members.Writing(["Add", "Remove", "Clear"]),
        ["System.Collections.Generic.SortedList`2"] = Members.Writing(["Add", "Remove", "RemoveAt", "Clear", "SetValueAtIndex", "TrimExcess"]),
        ["System.Collections.Generic.LinkedList`1"] = Members.Writing(
            ["AddAfter", "AddBefore", "AddFirst", "AddLast", "Remove", "RemoveFirst", "RemoveLast", "Clear", "OnDeserialization"]),
        ["System.Collections.ArrayList"] = Members.Writing(s_listWrites),
        ["System.Collections.Queue"] = Members.Writing(["Enqueue", "Dequeue", "Clear", "TrimToSize"]),
        ["System.Collections.Stack"] = Members.Writing(["Push", "Pop", "Clear"]),
        ["System.Collections.BitArray"] = Members.Writing(["Set", "SetAll", "And", "Or", "Xor", "Not", "LeftShift", "RightShift"]),
        ["System.Text.StringBuilder"] = Members.Reading(["ToString", "CopyTo", "Equals", "GetChunks", "GetHashCode", "GetType"]),
        ["System.Random"] = Members.Reading(["Equals", "GetHashCode", "GetType", "ToString"]),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<Type, string?> s_bases = new();

    /// <summary>
    /// True when calls on <paramref name="fullName"/> (a generic definition's full name in Cecil's form, nested types
    /// after '/') are checked: a listed type, or a type nested in one (its views and enumerators).
    /// </summary>
    public static bool IsChecked(string fullName) => s_types.ContainsKey(Outer(fullName));

    /// <summary>
    /// True when <paramref name="member"/> of <paramref name="fullName"/> writes the collection. Members of nested
    /// types (views, enumerators) only read; so do the object members every type has.
    /// </summary>
    public static bool Writes(string fullName, string member)
    {
        string outer = Outer(fullName);
        if (!s_types.TryGetValue(outer, out Members? members) || outer.Length != fullName.Length)
        {
            return false;
        }

        return member.StartsWith("set_", StringComparison.Ordinal) || members.Writes(member);
    }

    /// <summary>
    /// The checked type <paramref name="type"/> is or derives from (its generic definition's full name), or null. A
    /// framework type derived from a checked one is not checked: <c>Random.Shared</c> is a thread-safe subclass.
    /// </summary>
    public static string? CheckedBase(Type type) => s_bases.GetOrAdd(type, FindCheckedBase);

    private static string? FindCheckedBase(Type type)
    {
        if (type.Assembly == typeof(object).Assembly && !s_types.ContainsKey(Definition(type)))
        {
            return null;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            string name = Definition(t);
            if (s_types.ContainsKey(name))
            {
                return name;
            }
        }

        return null;
    }

    private static string Definition(Type type) => ((type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName ?? "").Replace('+', '/');

    private static string Outer(string fullName)
    {
        int nested = fullName.IndexOf('/', StringComparison.Ordinal);
        return nested < 0 ? fullName : fullName[..nested];
    }

    /// <summary>A type's member table: the listed members write (or, for <see cref="Reading"/>, every other member does).</summary>
    private sealed class Members
    {
        private readonly FrozenSet<string> _listed;
        private readonly bool _listedWrite;

        private Members(string[] listed, bool listedWrite)
        {
            _listed = listed.ToFrozenSet(StringComparer.Ordinal);
            _listedWrite = listedWrite;
        }

        public static Members Writing(string[] writes) => new(writes, listedWrite: true);

        public static Members Reading(string[] reads) => new(reads, listedWrite: false);

        public bool Writes(string member) => _listed.Contains(member) == _listedWrite && !member.StartsWith("get_", StringComparison.Ordinal);
    }
}
