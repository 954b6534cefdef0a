using Mono.Cecil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Which fields race mode checks, and how: not the ones that cannot race (constants, readonly fields of classes, the
/// compiler's delegate caches, an async iterator's protocol fields, <c>[ThreadStatic]</c> fields), and a field-like
/// event's backing field as an atomic when the compiler's own accessor loads it.
/// </summary>
internal static class FieldRules
{
    /// <summary>Whether an access to <paramref name="field"/> is checked at all.</summary>
    public static bool Checkable(FieldReference field, bool isStatic)
    {
        if (field.Resolve() is not { } definition || definition.IsStatic != isStatic || definition.IsLiteral)
        {
            return false;
        }

        // The compiler's delegate caches: the lambda cache class <>c, a closure's cached delegate (<>9__N) and the
        // method-group cache class <>O. Two threads may each build and store the same delegate: a race by design.
        if (field.Name.StartsWith("<>race", StringComparison.Ordinal) || field.Name.StartsWith("<>9__", StringComparison.Ordinal) ||
            field.DeclaringType.Name is "<>c" or "<>O")
        {
            return false;
        }

        if (definition.IsInitOnly && !field.DeclaringType.IsValueType)
        {
            return false;
        }

        // An async iterator's own protocol fields (its state, promise, builder, current item, dispose mode): the consumer's
        // MoveNextAsync and the iterator's MoveNext hand them back and forth through the promise, which race mode orders
        // only at the hand-over. The iterator's hoisted locals (<name>5__N) are checked.
        if (field.Name.StartsWith("<>", StringComparison.Ordinal) && AsyncInstrumenter.IsAsyncIterator(definition.DeclaringType))
        {
            return false;
        }

        return !HasThreadStatic(definition);
    }

    /// <summary>
    /// The load of a field-like event's backing field inside the compiler's own <c>add</c>/<c>remove</c>: the first read
    /// of a compare-and-swap loop, which the swap validates, so it is an atomic load of the field (Go's rule for the
    /// read half of a CAS loop written with atomics). A plain read of the field elsewhere (raising the event) is not.
    /// </summary>
    public static bool IsEventAccessorLoad(MethodDefinition method, FieldReference field) =>
        (method.IsAddOn || method.IsRemoveOn) && field.Name == EventName(method) &&
        method.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");

    private static string EventName(MethodDefinition accessor) => accessor.Name[(accessor.Name.IndexOf('_', StringComparison.Ordinal) + 1)..];

    /// <summary>A <c>[ThreadStatic]</c> field: not checked, but it orders the logical threads of one real thread (ThreadAffinity).</summary>
    public static bool IsThreadStatic(FieldReference field) => field.Resolve() is { IsStatic: true } definition && HasThreadStatic(definition);

    private static bool HasThreadStatic(FieldDefinition field) => field.CustomAttributes.Any(a => a.AttributeType.FullName == "System.ThreadStaticAttribute");
}
