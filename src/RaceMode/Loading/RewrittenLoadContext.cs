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

    public RewrittenLoadContext(IReadOnlyDictionary<string, string> rewritten)
        : base("race-mode", isCollectible: true) => _rewritten = rewritten;

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _rewritten.TryGetValue(name, out string? path) ? LoadFromAssemblyPath(path) : null;
}
