using System.Runtime.CompilerServices;

namespace ActorConcurrency.Tests.Support;

/// <summary>Files of the repository the specs were compiled from (README, docs), for specs that hold a page to the code.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding <c>ActorConcurrency.sln</c>, found upwards from this source file.</summary>
    public static string Root => FindRoot();

    /// <summary>The text of <paramref name="relativePath"/> (e.g. <c>docs/lru.md</c>) under <see cref="Root"/>.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot([CallerFilePath] string source = "")
    {
        for (string? folder = Path.GetDirectoryName(source); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "ActorConcurrency.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"no ActorConcurrency.sln above {source}");
    }
}
