using System.Reflection;
using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Rewriting;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.RaceMode.Loading;

/// <summary>
/// The way to run code under race mode from a test or a host: the assemblies named are rewritten into a temporary
/// folder and loaded side by side with the normal ones; <see cref="Run(Action, RaceDetectorOptions?)"/> finds the
/// delegate's method in the rewritten copy of its assembly and runs it as a race-mode session.
/// <code>
/// using var sandbox = RaceSandbox.Create(typeof(MySpec).Assembly, typeof(MyType).Assembly);
/// RaceRun run = sandbox.Run(static () => MyScenario());   // a static lambda or a static method
/// Assert.False(run.HasRaces, string.Join("\n", run.Races.Select(r => r.Format())));
/// </code>
/// </summary>
public sealed class RaceSandbox : IDisposable
{
    private readonly string _folder;
    private readonly RewrittenLoadContext _context;

    private RaceSandbox(string folder, Dictionary<string, string> rewritten, int instrumented, string? dependencies)
    {
        _folder = folder;
        _context = new RewrittenLoadContext(rewritten, dependencies);
        Instrumented = instrumented;
    }

    /// <summary>How many accesses and calls the rewriter instrumented in all.</summary>
    public int Instrumented { get; }

    /// <summary>Rewrites <paramref name="assemblies"/> (their files, with PDBs) into a fresh temporary folder.</summary>
    /// <exception cref="ArgumentException">No assembly was given, or one has no file.</exception>
    public static RaceSandbox Create(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        if (assemblies.Length == 0 || assemblies.Any(a => string.IsNullOrEmpty(a.Location)))
        {
            throw new ArgumentException("Name at least one assembly, each loaded from a file.", nameof(assemblies));
        }

        return Create(assemblies.Select(a => a.Location).Distinct().ToArray());
    }

    /// <summary>Rewrites the assembly files <paramref name="paths"/> into a fresh temporary folder.</summary>
    /// <remarks>Assemblies the rewritten ones need that the host does not have are loaded as they are from <paramref name="dependencies"/>.</remarks>
    public static RaceSandbox Create(IReadOnlyList<string> paths, string? dependencies = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string folder = Path.Combine(Path.GetTempPath(), "race-mode", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var rewritten = new Dictionary<string, string>(StringComparer.Ordinal);
        int instrumented = 0;
        foreach (string path in paths)
        {
            string output = Path.Combine(folder, Path.GetFileName(path));
            instrumented += AssemblyRewriter.Rewrite(path, output);
            rewritten[Path.GetFileNameWithoutExtension(path)] = output;
        }

        return new RaceSandbox(folder, rewritten, instrumented, dependencies);
    }

    /// <summary>Runs <paramref name="body"/>'s rewritten copy (a static method or a static lambda) under race mode.</summary>
    public RaceRun Run(Action body, RaceDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        (MethodInfo method, object? target) = Rewritten(body.Method);
        return RaceSession.Run(() => Invoke(method, target, []), options);
    }

    /// <summary>Runs an async <paramref name="body"/>'s rewritten copy under race mode and waits for its task.</summary>
    public RaceRun Run(Func<Task> body, RaceDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        (MethodInfo method, object? target) = Rewritten(body.Method);
        return RaceSession.Run(() => ((Task)Invoke(method, target, [])!).GetAwaiter().GetResult(), options);
    }

    /// <summary>Runs the rewritten copy of <paramref name="method"/> (static) with <paramref name="arguments"/>.</summary>
    public RaceRun Run(MethodInfo method, object?[] arguments, RaceDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        (MethodInfo rewritten, object? target) = Rewritten(method);
        return RaceSession.Run(
            () =>
            {
                object? result = Invoke(rewritten, target, arguments);
                if (result is Task task)
                {
                    task.GetAwaiter().GetResult();
                }
            },
            options);
    }

    /// <summary>The rewritten assembly called <paramref name="name"/>.</summary>
    public Assembly Load(string name) => _context.LoadFromAssemblyName(new AssemblyName(name));

    /// <summary>
    /// Until disposed, <c>Assembly.Load</c> and <c>Type.GetType</c> by name (a test framework loading the test assembly,
    /// its orderers and data sources) resolve through the rewritten copies, on this thread and the work it starts.
    /// </summary>
    internal System.Runtime.Loader.AssemblyLoadContext.ContextualReflectionScope EnterContextualReflection() => _context.EnterContextualReflection();

    /// <inheritdoc />
    public void Dispose()
    {
        _context.Unload();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by the unloading context: the temporary folder is left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static object? Invoke(MethodInfo method, object? target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private (MethodInfo Method, object? Target) Rewritten(MethodInfo original)
    {
        Type declaring = original.DeclaringType ?? throw new ArgumentException("The body must be a method of a type.", nameof(original));
        Assembly assembly = Load(declaring.Assembly.GetName().Name!);
        Type type = assembly.GetType(declaring.FullName!, throwOnError: true)!;
        Type[] parameters = original.GetParameters().Select(p => Map(assembly, p.ParameterType)).ToArray();
        MethodInfo method = type.GetMethod(original.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance, parameters)
            ?? throw new ArgumentException($"{declaring.Name}.{original.Name} was not found in the rewritten assembly.", nameof(original));
        if (method.IsStatic)
        {
            return (method, null);
        }

        // A static lambda lives on the compiler's singleton closure class <>c, in its field <>9.
        FieldInfo singleton = type.GetField("<>9", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new ArgumentException("The body must be a static method or a static lambda (it cannot capture state).", nameof(original));
        return (method, singleton.GetValue(null));
    }

    private static Type Map(Assembly rewritten, Type type) =>
        type.Assembly.GetName().Name == rewritten.GetName().Name ? rewritten.GetType(type.FullName!, throwOnError: true)! : type;
}
