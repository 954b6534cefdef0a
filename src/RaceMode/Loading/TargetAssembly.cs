using System.Globalization;
using Mono.Cecil;

namespace ActorConcurrency.RaceMode.Loading;

/// <summary>
/// The assembly a user hands to <c>exec</c> or <c>test</c>, read with Cecil before anything is rewritten, so a wrong
/// file is refused in one line (<see cref="RaceInputException"/>) instead of failing seconds later with a stack trace:
/// a file that is not a .NET assembly, a reference assembly, one built for another target framework than net10.0, one
/// whose direct dependencies are neither beside it nor part of .NET.
/// </summary>
internal sealed class TargetAssembly
{
    /// <summary>The target framework race mode runs: the one its own runtime is.</summary>
    public const string SupportedFramework = "net10.0";

    private TargetAssembly(string path, string name, bool hasEntryPoint, string? targetFramework, IReadOnlyList<AssemblyNameReference> references)
    {
        Path = path;
        Name = name;
        HasEntryPoint = hasEntryPoint;
        TargetFramework = targetFramework;
        References = references;
    }

    /// <summary>The full path of the assembly file.</summary>
    public string Path { get; }

    /// <summary>The folder it was built into (its dependencies are copied there).</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The assembly's simple name.</summary>
    public string Name { get; }

    /// <summary>Whether it has a <c>Main</c> (a console app) rather than being a class library.</summary>
    public bool HasEntryPoint { get; }

    /// <summary>Its target framework as its <c>TargetFrameworkAttribute</c> says (<c>.NETCoreApp,Version=v10.0</c>), if it says.</summary>
    public string? TargetFramework { get; }

    /// <summary>The assemblies it references directly.</summary>
    public IReadOnlyList<AssemblyNameReference> References { get; }

    /// <summary>What <paramref name="path"/> is as a .NET assembly, or a refusal saying why it cannot be one.</summary>
    /// <param name="path">The path the user gave.</param>
    /// <param name="what">What the command expects, for the messages (<c>console app</c>, <c>test assembly</c>).</param>
    /// <exception cref="RaceInputException">No such file, or not a (runnable) .NET assembly.</exception>
    public static TargetAssembly Inspect(string path, string what)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new RaceInputException($"'{path}' is a folder: give the {what}'s .dll (e.g. bin/Debug/{SupportedFramework}/Name.dll)");
        }

        if (!File.Exists(full))
        {
            throw new RaceInputException($"no file at '{full}': build the project (dotnet build) and give the {what}'s .dll from its bin folder");
        }

        try
        {
            using ModuleDefinition module = ModuleDefinition.ReadModule(full, new ReaderParameters { ReadSymbols = false });
            if (module.Assembly is not { } assembly)
            {
                throw new RaceInputException($"'{path}' is a .NET module, not an assembly: give the {what}'s .dll");
            }

            if (assembly.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.ReferenceAssemblyAttribute"))
            {
                throw new RaceInputException($"'{path}' is a reference assembly (metadata only, from obj/ or ref/): give the one in bin/Debug/{SupportedFramework}/");
            }

            string? framework = assembly.CustomAttributes
                .Where(a => a.AttributeType.FullName == "System.Runtime.Versioning.TargetFrameworkAttribute" && a.ConstructorArguments.Count == 1)
                .Select(a => a.ConstructorArguments[0].Value as string)
                .FirstOrDefault();
            return new TargetAssembly(full, assembly.Name.Name, module.EntryPoint is not null, framework, module.AssemblyReferences.ToArray());
        }
        catch (Exception e) when (e is BadImageFormatException or EndOfStreamException or ArgumentOutOfRangeException or InvalidOperationException)
        {
            string dll = System.IO.Path.ChangeExtension(full, ".dll");
            string hint = !full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(dll)
                ? $"give '{System.IO.Path.GetFileName(dll)}' beside it (the .dll, not the launcher)"
                : $"give the {what}'s .dll that dotnet build writes (bin/Debug/{SupportedFramework}/Name.dll)";
            throw new RaceInputException($"'{path}' is not a .NET assembly: {hint}", e);
        }
    }

    /// <summary>
    /// Refuses an assembly built for another framework than <see cref="SupportedFramework"/>: race mode loads the
    /// rewritten copies into its own net10.0 process.
    /// </summary>
    /// <exception cref="RaceInputException">It targets another framework.</exception>
    public void RequireSupportedFramework()
    {
        if (TargetFramework is null)
        {
            return; // hand-made or very old tooling: let it try
        }

        string moniker = Moniker(TargetFramework);
        if (!string.Equals(moniker, SupportedFramework, StringComparison.Ordinal))
        {
            throw new RaceInputException(
                $"{System.IO.Path.GetFileName(Path)} is built for {moniker}; race mode runs {SupportedFramework} assemblies: set <TargetFramework>{SupportedFramework}</TargetFramework> (or add it to <TargetFrameworks>) and give that build's .dll");
        }
    }

    /// <summary>
    /// Refuses an assembly one of whose direct references is neither beside it nor part of .NET (nor of race mode):
    /// it was copied out of its bin folder, or the project was not built.
    /// </summary>
    /// <exception cref="RaceInputException">A reference cannot be found.</exception>
    public void RequireDependencies()
    {
        HashSet<string> platform = PlatformAssemblies();
        foreach (AssemblyNameReference reference in References)
        {
            if (platform.Contains(reference.Name) || File.Exists(System.IO.Path.Combine(Folder, reference.Name + ".dll")))
            {
                continue;
            }

            throw new RaceInputException(
                $"{System.IO.Path.GetFileName(Path)} needs {reference.Name} {reference.Version}, which is neither beside it nor part of .NET: " +
                "give the .dll in the project's bin folder, where dotnet build copies its dependencies (a framework other than Microsoft.NETCore.App, such as ASP.NET Core, is not supported)");
        }
    }

    /// <summary><c>net10.0</c>, <c>net8.0</c>, <c>netstandard2.0</c>, <c>net472</c> from a TargetFrameworkAttribute value.</summary>
    internal static string Moniker(string targetFramework)
    {
        string[] parts = targetFramework.Split(',');
        string identifier = parts[0].Trim();
        string? version = parts.Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("Version=v", StringComparison.Ordinal))?["Version=v".Length..];
        if (version is null)
        {
            return targetFramework;
        }

        return identifier switch
        {
            ".NETCoreApp" when Version.TryParse(version, out Version? v) && v.Major >= 5 => string.Create(CultureInfo.InvariantCulture, $"net{v.Major}.{v.Minor}"),
            ".NETCoreApp" => $"netcoreapp{version}",
            ".NETStandard" => $"netstandard{version}",
            ".NETFramework" => $"net{version.Replace(".", string.Empty, StringComparison.Ordinal)}",
            _ => targetFramework,
        };
    }

    /// <summary>The simple names of the assemblies the running process resolves itself: .NET's and race mode's own.</summary>
    private static HashSet<string> PlatformAssemblies()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string trusted)
        {
            foreach (string file in trusted.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(System.IO.Path.GetFileNameWithoutExtension(file));
            }
        }

        foreach (System.Reflection.Assembly loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (loaded.GetName().Name is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }
}
