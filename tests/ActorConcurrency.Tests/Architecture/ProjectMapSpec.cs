using System.Xml.Linq;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Architecture;

/// <summary>
/// The project map of docs/architecture.md, held to the project files: each project references only the projects the
/// map allows, a library references no console, test or benchmark package (a library never prints), and every project
/// in the repository is on the map (a new one must be placed on it).
/// </summary>
public sealed class ProjectMapSpec
{
    /// <summary>Each project (by path) and the projects it may reference.</summary>
    private static readonly Dictionary<string, string[]> s_map = new()
    {
        ["src/SharedState/SharedState.csproj"] = [],
        ["src/RaceDetector/RaceDetector.csproj"] = [],
        ["src/RaceMode/RaceMode.csproj"] = ["src/RaceDetector/RaceDetector.csproj"],
        ["src/Actors/Actors.csproj"] = ["src/SharedState/SharedState.csproj", "src/RaceDetector/RaceDetector.csproj"],
        ["src/Chaos/Chaos.csproj"] = ["src/Actors/Actors.csproj"],
        ["src/Demonstrations/Demonstrations.csproj"] =
            ["src/SharedState/SharedState.csproj", "src/Actors/Actors.csproj", "src/RaceDetector/RaceDetector.csproj", "src/RaceMode/RaceMode.csproj"],
        ["src/PropertyChecks/PropertyChecks.csproj"] =
            ["src/SharedState/SharedState.csproj", "src/Actors/Actors.csproj", "src/Demonstrations/Demonstrations.csproj"],
        ["src/Host/Host.csproj"] =
        [
            "src/SharedState/SharedState.csproj", "src/Actors/Actors.csproj", "src/RaceDetector/RaceDetector.csproj", "src/RaceMode/RaceMode.csproj",
            "src/Chaos/Chaos.csproj", "src/Demonstrations/Demonstrations.csproj", "src/PropertyChecks/PropertyChecks.csproj",
        ],
        ["bench/ActorConcurrency.Bench.csproj"] =
            ["src/SharedState/SharedState.csproj", "src/Actors/Actors.csproj", "src/RaceDetector/RaceDetector.csproj", "src/RaceMode/RaceMode.csproj"],
        ["tests/ActorConcurrency.Tests/ActorConcurrency.Tests.csproj"] =
        [
            "src/SharedState/SharedState.csproj", "src/Actors/Actors.csproj", "src/RaceDetector/RaceDetector.csproj", "src/Host/Host.csproj",
            "src/RaceMode/RaceMode.csproj", "src/Chaos/Chaos.csproj", "src/Demonstrations/Demonstrations.csproj", "src/PropertyChecks/PropertyChecks.csproj",
            "tests/OptimizedShapes/OptimizedShapes.csproj",
            "tests/RaceTestShapes/RaceTestShapes.csproj", "samples/RacySample/RacySample.csproj",
        ],
        ["tests/CrashHarness/CrashHarness.csproj"] = ["src/Chaos/Chaos.csproj", "src/Host/Host.csproj"],
        ["tests/OptimizedShapes/OptimizedShapes.csproj"] = [],
        ["tests/RaceTestShapes/RaceTestShapes.csproj"] = [],
        ["samples/RacySample/RacySample.csproj"] = [],
        ["samples/RacyTests/RacyTests.csproj"] = [],
    };

    /// <summary>
    /// References that only build a project beside another (<c>ReferenceOutputAssembly="false"</c>): it is run or loaded by
    /// path, never compiled against, so none of its types or internals are reachable from the referencing project.
    /// </summary>
    private static readonly Dictionary<string, string[]> s_buildOnly = new()
    {
        ["tests/ActorConcurrency.Tests/ActorConcurrency.Tests.csproj"] =
            ["tests/OptimizedShapes/OptimizedShapes.csproj", "tests/RaceTestShapes/RaceTestShapes.csproj", "samples/RacySample/RacySample.csproj"],
        ["tests/CrashHarness/CrashHarness.csproj"] = ["src/Host/Host.csproj"],
    };

    /// <summary>
    /// The libraries: no console, no test framework, no benchmark package. Two exceptions: race mode runs a user's xunit
    /// test assembly (<c>race-mode test</c>), so it takes xunit's runner, and only that; task 15's property checks are
    /// CsCheck properties, so PropertyChecks takes CsCheck, and only that.
    /// </summary>
    private static readonly string[] s_libraries =
    [
        "src/SharedState/SharedState.csproj", "src/RaceDetector/RaceDetector.csproj", "src/RaceMode/RaceMode.csproj", "src/Actors/Actors.csproj",
        "src/Chaos/Chaos.csproj", "src/Demonstrations/Demonstrations.csproj", "src/PropertyChecks/PropertyChecks.csproj",
    ];

    private static readonly string[] s_forbiddenInLibraries =
        ["Spectre.Console", "System.CommandLine", "xunit", "Akka.TestKit", "CsCheck", "BenchmarkDotNet", "ScottPlot"];

    public static TheoryData<string> Projects => new(s_map.Keys);

    [Fact]
    public void Every_project_in_the_repository_is_on_the_map()
    {
        string root = RepositoryFiles.Root;
        string[] found = [.. new[] { "src", "bench", "tests", "samples" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

        Assert.Equal(s_map.Keys.Order(StringComparer.Ordinal), found);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_references_only_what_the_map_allows(string project)
    {
        string[] references = [.. Items(project, "ProjectReference").Select(reference => Normalise(project, reference))];

        string[] forbidden = [.. references.Except(s_map[project])];
        Assert.True(forbidden.Length == 0, $"{project} references {string.Join(", ", forbidden)}, which docs/architecture.md does not allow");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_build_only_reference_is_the_maps_and_is_not_compiled_against(string project)
    {
        string[] buildOnly = [.. XDocument.Load(Path.Combine(RepositoryFiles.Root, project)).Descendants("ProjectReference")
            .Where(e => string.Equals((string?)e.Attribute("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase))
            .Select(e => Normalise(project, (string)e.Attribute("Include")!))
            .Order(StringComparer.Ordinal)];

        Assert.Equal(s_buildOnly.GetValueOrDefault(project, []).Order(StringComparer.Ordinal), buildOnly);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_library_references_no_console_test_or_benchmark_package(string project)
    {
        string[] forbidden = ForbiddenPackages(project, Items(project, "PackageReference"));
        Assert.True(forbidden.Length == 0, $"{project} is a library and references {string.Join(", ", forbidden)}");
    }

    /// <summary>
    /// The demonstrations measure and return records; the host prints them. A console package in the Demonstrations
    /// library (a table drawn where it measures) is what the check above must refuse.
    /// </summary>
    [Fact]
    public void A_console_package_in_the_demonstrations_library_is_refused()
    {
        Assert.Equal(
            ["Spectre.Console", "System.CommandLine"],
            ForbiddenPackages("src/Demonstrations/Demonstrations.csproj", ["Spectre.Console", "System.CommandLine", "Akka"]));
    }

    /// <summary>The packages of <paramref name="packages"/> that <paramref name="project"/>, a library, may not reference.</summary>
    private static string[] ForbiddenPackages(string project, IEnumerable<string> packages) =>
        s_libraries.Contains(project)
            ? [.. packages.Where(p => s_forbiddenInLibraries.Any(f => p.StartsWith(f, StringComparison.OrdinalIgnoreCase)) &&
                !(project == "src/RaceMode/RaceMode.csproj" && p == "xunit.extensibility.execution") &&
                !(project == "src/PropertyChecks/PropertyChecks.csproj" && p == "CsCheck"))]
            : [];

    private static IEnumerable<string> Items(string project, string kind) =>
        XDocument.Load(Path.Combine(RepositoryFiles.Root, project)).Descendants(kind).Select(e => (string?)e.Attribute("Include")).OfType<string>();

    private static string Normalise(string project, string reference)
    {
        string folder = Path.GetDirectoryName(Path.Combine(RepositoryFiles.Root, project))!;
        return Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(folder, reference))).Replace('\\', '/');
    }
}
