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

        // An app's own package that the host does not carry: as it is, from the app's folder. What the default context
        // can load (the framework, race mode's runtime, a package the host carries too) comes from there, so types are
        // shared; that includes a package named System.* (System.Configuration.ConfigurationManager beside Akka), which
        // the framework does not have.
        string file = Path.Combine(_dependencies ?? string.Empty, name + ".dll");
        if (_dependencies is not null && !name.StartsWith("ActorConcurrency.Race", StringComparison.Ordinal) && File.Exists(file))
        {
            try
            {
                return Default.LoadFromAssemblyName(assemblyName);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException)
            {
                return LoadFromAssemblyPath(file);
            }
        }

        return null;
    }
}
