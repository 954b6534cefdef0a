using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// Rewrites one compiled assembly for race mode (see docs/race-mode.md): every method body is instrumented by
/// <see cref="MethodInstrumenter"/>, async state machines get their own logical thread, and the portable PDB is
/// read and written back so reports and stack traces keep their file:line. Framework methods bound to delegates are
/// redirected to instrumented thunks (<see cref="DelegateThunks"/>).
/// </summary>
public static class AssemblyRewriter
{
    /// <summary>Rewrites <paramref name="input"/> into <paramref name="output"/> (its PDB beside it, when the input has one).</summary>
    /// <returns>How many accesses and calls were instrumented.</returns>
    /// <exception cref="ArgumentException">The input does not exist or is the output.</exception>
    public static int Rewrite(string input, string output, IEnumerable<string>? searchDirectories = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        if (!File.Exists(input))
        {
            throw new ArgumentException($"No assembly at '{input}'.", nameof(input));
        }

        if (string.Equals(Path.GetFullPath(input), Path.GetFullPath(output), StringComparison.Ordinal))
        {
            throw new ArgumentException("The rewritten assembly must go to another path than its input.", nameof(output));
        }

        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(input))!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(AssemblyRewriter).Assembly.Location)!);
        foreach (string directory in searchDirectories ?? [])
        {
            resolver.AddSearchDirectory(directory);
        }

        bool symbols = File.Exists(Path.ChangeExtension(input, ".pdb"));
        using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(input, new ReaderParameters
        {
            AssemblyResolver = resolver,
            ReadSymbols = symbols,
            ReadingMode = ReadingMode.Immediate,
        });
        int count = 0;
        foreach (ModuleDefinition module in assembly.Modules)
        {
            var hooks = new HookReferences(module);
            var thunks = new DelegateThunks(module, hooks);
            foreach (TypeDefinition type in module.GetTypes().ToArray())
            {
                count += RewriteType(type, hooks, thunks);
            }

            thunks.Finish();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        assembly.Write(output, new WriterParameters { WriteSymbols = symbols });
        return count;
    }

    private static int RewriteType(TypeDefinition type, HookReferences hooks, DelegateThunks thunks)
    {
        int count = 0;
        bool stateMachine = AsyncInstrumenter.IsStateMachine(type);
        foreach (MethodDefinition method in type.Methods.Where(m => m.HasBody).ToArray())
        {
            method.Body.SimplifyMacros();
            count += thunks.Redirect(method);
            var instrumenter = new MethodInstrumenter(method, hooks);
            (FieldReference Field, VariableDefinition Scope)? async = stateMachine && method.Name == "MoveNext"
                ? AsyncInstrumenter.Prepare(type, method, hooks, instrumenter.Edits, instrumenter)
                : null;
            instrumenter.Plan();
            instrumenter.Edits.Apply();
            if (async is { } machine)
            {
                AsyncInstrumenter.Wrap(method, machine.Field, machine.Scope, hooks);
            }

            method.Body.OptimizeMacros();
            count += instrumenter.Count;
        }

        return count;
    }
}
