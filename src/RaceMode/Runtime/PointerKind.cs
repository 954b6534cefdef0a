namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>What a pointer's owner is, in the low two bits of a pointer target (see <see cref="PointerTargets"/>).</summary>
internal enum PointerKind
{
    /// <summary>A field (path) of the owner object.</summary>
    Field = 0,

    /// <summary>A static field; the owner is the closed generic type or null.</summary>
    Static = 1,

    /// <summary>Element <c>index</c> of the owner array.</summary>
    Element = 2,

    /// <summary>A field path of the struct element <c>index</c> of the owner array.</summary>
    ElementField = 3,
}
