using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Architecture;

/// <summary>
/// The specs mirror the source (docs/architecture.md): every topic folder of the shared-memory designs and of the actors
/// has a folder of the same name here, and so has every other library project (the detector's specs are in
/// <c>RaceDetector/</c>, race mode's in <c>RaceMode/</c>). The host's commands are specified by what they run
/// (<c>Catalog/</c> for the tour, <c>BenchReport/</c>, <c>Chaos/</c>, …).
/// </summary>
public sealed class TestLayoutSpec
{
    private static readonly string s_tests = Path.Combine(RepositoryFiles.Root, "tests", "ActorConcurrency.Tests");

    public static TheoryData<string> TopicFolders => new(
        new[] { "src/SharedState", "src/Actors" }
            .SelectMany(project => Directory.GetDirectories(Path.Combine(RepositoryFiles.Root, project)))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj"))
            .Distinct()
            .Order());

    public static TheoryData<string> LibraryProjects => new(
        Directory.GetDirectories(Path.Combine(RepositoryFiles.Root, "src"))
            .Where(folder => Directory.GetFiles(folder, "*.csproj").Length > 0)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("SharedState" or "Actors" or "Host"))
            .Order());

    [Theory]
    [MemberData(nameof(TopicFolders))]
    public void Every_topic_has_a_spec_folder(string topic) =>
        Assert.True(Directory.Exists(Path.Combine(s_tests, topic)), $"src has the topic folder {topic}, tests/ActorConcurrency.Tests has no {topic}/");

    [Theory]
    [MemberData(nameof(LibraryProjects))]
    public void Every_library_has_a_spec_folder_of_its_name(string project) =>
        Assert.True(Directory.Exists(Path.Combine(s_tests, project)), $"src/{project} has no spec folder tests/ActorConcurrency.Tests/{project}/");
}
