using System.Runtime.CompilerServices;

namespace ActorConcurrency.SharedState.Profiling;

/// <summary>
/// Task 16: a lock with a name, so a contention profile reads "worker-pool stats" instead of an address.
/// Use it with <c>lock (named.Gate)</c>. The runtime's contention events identify a <see cref="Monitor"/>
/// lock only by the address of the object locked; an ordinary object moves when the GC compacts, so
/// the gate is allocated on the pinned object heap, where its address never changes, and the profiler
/// can map events back to the name.
/// </summary>
public sealed class NamedLock
{
    /// <summary>Creates a lock named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    public NamedLock(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Gate = GC.AllocateArray<byte>(1, pinned: true);
    }

    /// <summary>What the profile calls this lock.</summary>
    public string Name { get; }

    /// <summary>The object to lock (with <c>lock</c>/<see cref="Monitor"/>); pinned, see the class remarks.</summary>
    public object Gate { get; }

    /// <summary>
    /// The gate's address: what the runtime reports as <c>AssociatedObjectID</c> in ContentionStart. Stable
    /// because the gate is pinned.
    /// </summary>
    public nint Address
    {
        get
        {
            object gate = Gate;
            return Unsafe.As<object, nint>(ref gate);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
