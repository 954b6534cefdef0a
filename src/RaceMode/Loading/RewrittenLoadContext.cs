using System.Reflection;
using System.Runtime.Loader;

namespace ActorConcurrency.RaceMode.Loading;

/// <summary>
/// Loads the rewritten copies of the assemblies race mode rewrote; every other assembly (the framework, race
/// mode's own runtime and the detector core) comes from the default context, so the hooks the rewritten code
/// calls are the ones the session listens to. Collectible: disposing the sandbox lets the copies go.
/// </summary>
internal sealed class RewrittenLoadContext : AssemblyLoadContext
{
    private readonly IReadOnlyDictionary<string, string> _rewritten;
    private readonly string? _dependencies;

    public RewrittenLoadContext(IReadOnlyDictionary<string, string> rewritten, string? dependencies)
        : base("race-mode", isCollectible: true)
    {
        _rewritten = rewritten;
        _dependencies = dependencies;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } name)
        {
            return null;
        }

        if (_rewritten.TryGetValue(name, out string? path))
        {
            return LoadFromAssemblyPath(path);
        }

        // An app's own package that the host does not carry: as it is, from the app's folder. The framework and
        // race mode's runtime always come from the default context.
        if (_dependencies is not null && !name.StartsWith("System", StringComparison.Ordinal) &&
            !name.StartsWith("ActorConcurrency.Race", StringComparison.Ordinal) && File.Exists(Path.Combine(_dependencies, name + ".dll")))
        {
            try
            {
                return Default.LoadFromAssemblyName(assemblyName);
            }
            catch (FileNotFoundException)
            {
                return LoadFromAssemblyPath(Path.Combine(_dependencies, name + ".dll"));
            }
        }

        return null;
    }
}
