using System.Reflection;
using System.Reflection.Emit;

namespace ActorConcurrency.SharedState.MemoryModel;

/// <summary>
/// Task 11: builds the probes' spin loop, <c>long n = 0; while (!target.flag) n++; return n;</c>, as a
/// <see cref="DynamicMethod"/>. Why not plain C#: whether the JIT may hoist the flag read out of the loop
/// depends on optimisation, and a Debug build (what <c>dotnet run</c> builds) marks this assembly
/// "JIT optimiser disabled", which the JIT honours even for a method marked
/// <c>[MethodImpl(MethodImplOptions.AggressiveOptimization)]</c>. An anonymously hosted dynamic method
/// belongs to no assembly, so it is always compiled fully optimised, and the probe measures the same code
/// whatever the build configuration.
/// </summary>
internal static class SpinLoopCompiler
{
    /// <summary>
    /// The loop over the <c>bool</c> field <paramref name="flagField"/> of <typeparamref name="TTarget"/>. With
    /// <paramref name="volatileRead"/> the load carries the IL <c>volatile.</c> prefix — what
    /// <see cref="Volatile.Read(ref readonly bool)"/> compiles to — so it is an acquire load the JIT must
    /// perform on every iteration; without it, the load is an ordinary one the JIT may read once.
    /// </summary>
    public static Func<TTarget, long> Compile<TTarget>(string flagField, bool volatileRead)
        where TTarget : class
    {
        FieldInfo field = typeof(TTarget).GetField(flagField, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new ArgumentException($"{typeof(TTarget).Name} has no field {flagField}.", nameof(flagField));
        if (field.FieldType != typeof(bool))
        {
            throw new ArgumentException($"{typeof(TTarget).Name}.{flagField} is not a bool.", nameof(flagField));
        }

        // restrictedSkipVisibility: the loop reads a private field; anonymously hosted: no owner assembly.
        var method = new DynamicMethod($"SpinUntil_{flagField}_{(volatileRead ? "volatile" : "plain")}", typeof(long), [typeof(TTarget)], restrictedSkipVisibility: true);
        ILGenerator il = method.GetILGenerator();
        LocalBuilder iterations = il.DeclareLocal(typeof(long));
        Label body = il.DefineLabel();
        Label test = il.DefineLabel();

        il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Conv_I8);
        il.Emit(OpCodes.Stloc, iterations);
        il.Emit(OpCodes.Br, test);

        il.MarkLabel(body);
        il.Emit(OpCodes.Ldloc, iterations);
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Conv_I8);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stloc, iterations);

        il.MarkLabel(test);
        il.Emit(OpCodes.Ldarg_0);
        if (volatileRead)
        {
            il.Emit(OpCodes.Volatile);
        }

        il.Emit(OpCodes.Ldfld, field);
        il.Emit(OpCodes.Brfalse, body);

        il.Emit(OpCodes.Ldloc, iterations);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<TTarget, long>>();
    }
}
