using System.CommandLine;
using System.Text.RegularExpressions;
using ActorConcurrency.Host;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.Catalog;

/// <summary>
/// The README's lists that follow the tree and the host: the layout names every folder there is (it once left out
/// src/RaceMode and samples/), the host console section shows every command (it once left out race), and the catalog
/// table has the catalog's titles and links to pages that exist.
/// </summary>
public sealed partial class ReadmeSpec
{
    /// <summary>Folders that builds, runs and tools leave behind; never part of the layout.</summary>
    private static readonly string[] Generated = ["bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts"];

    [GeneratedRegex(@"^\| (?<number>\d+) \| (?<title>[^|]+) \|.*\]\((?<page>docs/[^)]+)\) \|$", RegexOptions.Multiline)]
    private static partial Regex CatalogRow();

    [Fact]
    public void The_layout_names_every_folder_of_the_repository_and_only_those()
    {
        string root = RepositoryFiles.Root;
        string[] named = CodeBlockAfter("## Layout").Split('\n')
            .Select(line => line.Split(' ', 2)[0])
            .Where(first => first.EndsWith('/'))
            .ToArray();
        string[] folders =
        [
            .. Directory.GetDirectories(root).Where(HoldsSources).Select(d => Path.GetFileName(d) + "/"),
            .. Directory.GetDirectories(Path.Combine(root, "src")).Where(HoldsSources).Select(d => $"src/{Path.GetFileName(d)}/"),
        ];

        Assert.All(folders.Where(f => f != "src/"), folder => Assert.Contains(folder, named));
        Assert.All(named, folder => Assert.True(Directory.Exists(Path.Combine(root, folder)), $"the layout names {folder}, which does not exist"));
    }

    [Fact]
    public void The_host_console_section_shows_every_command()
    {
        string block = CodeBlockAfter("## The host console");
        RootCommand root = Program.BuildRoot(new HostConsole(new TestConsole(), TextWriter.Null));

        Assert.All(root.Subcommands.Where(c => !c.Hidden), command =>
            Assert.True(block.Contains($"-- {command.Name}", StringComparison.Ordinal), $"README's host console section does not show {command.Name}"));
    }

    [Fact]
    public void The_catalog_table_has_the_catalogs_titles_and_existing_pages()
    {
        string readme = RepositoryFiles.Read("README.md");
        Match[] rows = [.. CatalogRow().Matches(readme).Cast<Match>()];

        Assert.Equal(TaskCatalog.All.Select(t => $"{t.Info.Number} {t.Info.Title}"), rows.Select(r => $"{r.Groups["number"].Value} {r.Groups["title"].Value.Trim()}"));
        Assert.All(rows, row => Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, row.Groups["page"].Value)), row.Value));
    }

    /// <summary>The first fenced code block after <paramref name="heading"/> in the README.</summary>
    private static string CodeBlockAfter(string heading)
    {
        string readme = RepositoryFiles.Read("README.md").Replace("\r\n", "\n", StringComparison.Ordinal);
        int section = readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(section >= 0, $"README has no '{heading}'");
        int start = readme.IndexOf("```", section, StringComparison.Ordinal);
        start = readme.IndexOf('\n', start) + 1;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    /// <summary>A folder of the project rather than one a run left behind (a node's data folder holds neither).</summary>
    private static bool HoldsSources(string folder) =>
        !Path.GetFileName(folder).StartsWith('.') && !Generated.Contains(Path.GetFileName(folder)) &&
        new[] { "*.csproj", "*.cs", "*.md", "*.conf" }.Any(pattern => Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Any());
}
