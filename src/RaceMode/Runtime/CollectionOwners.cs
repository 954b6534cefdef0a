using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The collection behind a view or an enumerator (<c>Dictionary&lt;K,V&gt;.KeyCollection</c>,
/// <c>List&lt;T&gt;.Enumerator</c>): the first instance field whose type is a checked collection. Found once per type;
/// a struct enumerator is read in place through a small compiled accessor (no boxing on every <c>MoveNext</c>).
/// A view with no such field (a <c>SortedDictionary</c> enumerator walks an inner tree) has no owner and is not checked.
/// </summary>
internal static class CollectionOwners
{
    private static readonly ConcurrentDictionary<Type, FieldInfo?> s_fields = new();

    /// <summary>The checked collection behind <paramref name="view"/>, or null.</summary>
    public static object? Of(object view) => s_fields.GetOrAdd(view.GetType(), OwnerField)?.GetValue(view) is { } owner
        ? (CheckedCollections.CheckedBase(owner.GetType()) is not null ? owner : Of(owner))
        : null;

    /// <summary>The checked collection behind the struct enumerator <paramref name="enumerator"/>, or null.</summary>
    public static object? OfStruct<T>(ref T enumerator)
        where T : struct => StructOwner<T>.Get is { } get ? get(ref enumerator) : null;

    private static FieldInfo? OwnerField(Type type)
    {
        if (type.DeclaringType is null || !CheckedCollections.IsChecked(Definition(type)))
        {
            return null;
        }

        return type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .FirstOrDefault(f => !f.FieldType.IsValueType && (CheckedCollections.CheckedBase(f.FieldType) is not null ||
                (f.FieldType.DeclaringType is not null && CheckedCollections.IsChecked(Definition(f.FieldType)))));
    }

    private static string Definition(Type type) => ((type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName ?? "").Replace('+', '/');

    private delegate object? RefGetter<T>(ref T value);

    private static class StructOwner<T>
        where T : struct
    {
        public static readonly RefGetter<T>? Get = Compile();

        private static RefGetter<T>? Compile()
        {
            if (OwnerField(typeof(T)) is not { } field)
            {
                return null;
            }

            var method = new DynamicMethod("OwnerOf", typeof(object), [typeof(T).MakeByRefType()], typeof(CollectionOwners).Module, skipVisibility: true);
            ILGenerator il = method.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, field);
            il.Emit(OpCodes.Ret);
            Func<object?, object?> resolve = owner => owner is null ? null : CheckedCollections.CheckedBase(owner.GetType()) is not null ? owner : Of(owner);
            RefGetter<T> raw = method.CreateDelegate<RefGetter<T>>();
            return (ref T value) => resolve(raw(ref value));
        }
    }
}
