using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Code that rewritten code generates at run time (a <see cref="DynamicMethod"/> built with
/// <see cref="ILGenerator"/>) is instrumented as it is emitted: a field load or store gets the same hook call
/// as in a rewritten assembly, and a <c>volatile.</c> prefix makes it an atomic access. The site is the line
/// that emitted the instruction. Each hook has the signature of the <c>ILGenerator.Emit</c> overload it replaces.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EmitHooks
{
    /// <summary>Generators whose last emitted instruction was a <c>volatile.</c> prefix not yet written.</summary>
    private static readonly ConditionalWeakTable<ILGenerator, object> s_pendingVolatile = new();

    /// <summary>Replaces <c>ILGenerator.Emit(OpCode)</c>: holds back a <c>volatile.</c> prefix until its field access.</summary>
    public static void Emit(ILGenerator generator, OpCode opcode)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (opcode == OpCodes.Volatile)
        {
            s_pendingVolatile.AddOrUpdate(generator, opcode);
            return;
        }

        FlushVolatile(generator);
        generator.Emit(opcode);
    }

    /// <summary>Replaces <c>ILGenerator.Emit(OpCode, FieldInfo)</c>: emits the checked access, then the access itself.</summary>
    public static void Emit(ILGenerator generator, OpCode opcode, FieldInfo field)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(field);
        bool isVolatile = s_pendingVolatile.Remove(generator);
        bool load = opcode == OpCodes.Ldfld || opcode == OpCodes.Ldsfld;
        bool instance = opcode == OpCodes.Ldfld || opcode == OpCodes.Stfld;
        if (!(load || opcode == OpCodes.Stfld || opcode == OpCodes.Stsfld) || field.IsInitOnly || (instance && field.DeclaringType!.IsValueType))
        {
            if (isVolatile)
            {
                generator.Emit(OpCodes.Volatile);
            }

            generator.Emit(opcode, field);
            return;
        }

        int site = RegisterSite(field);
        LocalBuilder? value = load || !instance ? null : generator.DeclareLocal(field.FieldType);
        if (value is not null)
        {
            generator.Emit(OpCodes.Stloc, value);
        }

        if (instance)
        {
            generator.Emit(OpCodes.Dup);
        }
        else
        {
            generator.Emit(OpCodes.Ldnull);
        }

        generator.Emit(OpCodes.Ldc_I4, site);
        LocalBuilder? token = null;
        if (isVolatile)
        {
            token = generator.DeclareLocal(typeof(object));
            generator.Emit(OpCodes.Ldc_I4, load ? 0 : 1);
            generator.Emit(OpCodes.Call, typeof(RaceHooks).GetMethod(instance ? nameof(RaceHooks.AtomicBegin) : nameof(RaceHooks.AtomicBeginStatic))!);
            generator.Emit(OpCodes.Stloc, token);
        }
        else
        {
            string hook = instance ? (load ? nameof(RaceHooks.Read) : nameof(RaceHooks.Write)) : (load ? nameof(RaceHooks.ReadStatic) : nameof(RaceHooks.WriteStatic));
            generator.Emit(OpCodes.Call, typeof(RaceHooks).GetMethod(hook)!);
        }

        if (value is not null)
        {
            generator.Emit(OpCodes.Ldloc, value);
        }

        if (isVolatile)
        {
            generator.Emit(OpCodes.Volatile);
        }

        generator.Emit(opcode, field);
        if (token is not null)
        {
            generator.Emit(OpCodes.Ldloc, token);
            generator.Emit(OpCodes.Call, typeof(RaceHooks).GetMethod(nameof(RaceHooks.AtomicEnd))!);
        }
    }

    private static void FlushVolatile(ILGenerator generator)
    {
        if (s_pendingVolatile.Remove(generator))
        {
            generator.Emit(OpCodes.Volatile);
        }
    }

    /// <summary>The site is the frame that called Emit (two up: this method, then the public hook).</summary>
    private static int RegisterSite(FieldInfo field)
    {
        var frame = new StackFrame(2, needFileInfo: true);
        MethodBase? emitter = frame.GetMethod();
        string member = $"emitted by {emitter?.DeclaringType?.Name}.{emitter?.Name}";
        string declaring = field.DeclaringType!.Name;
        int tick = declaring.IndexOf('`', StringComparison.Ordinal);
        string location = $"{(tick < 0 ? declaring : declaring[..tick])}.{field.Name}";
        return SiteTable.Register(new AccessSite(member, frame.GetFileName() ?? "?", frame.GetFileLineNumber()), SiteTable.Location(location));
    }
}
