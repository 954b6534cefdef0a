using System.Text.Json;
using ActorConcurrency.RaceMode.Loading;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>
/// What the test project's <c>xunit.runner.json</c> (copied beside the test assembly) says about the run, for the
/// settings that change how tests run: parallel collections, the thread limit, theory pre-enumeration.
/// </summary>
/// <param name="ParallelizeTestCollections">Collections may run in parallel (xunit's default).</param>
/// <param name="MaxParallelThreads">The limit of tests running at once; 0 for xunit's default (the processor count), -1 for none.</param>
/// <param name="PreEnumerateTheories">Each theory row is its own test (xunit's default).</param>
internal sealed record TestRunConfig(bool ParallelizeTestCollections, int MaxParallelThreads, bool PreEnumerateTheories)
{
    /// <summary>Reads <c>xunit.runner.json</c> in <paramref name="folder"/>, or xunit's defaults without one.</summary>
    /// <exception cref="RaceInputException">The file is there but is not valid JSON.</exception>
    public static TestRunConfig Read(string folder)
    {
        var config = new TestRunConfig(ParallelizeTestCollections: true, MaxParallelThreads: 0, PreEnumerateTheories: true);
        string path = Path.Combine(folder, "xunit.runner.json");
        if (!File.Exists(path))
        {
            return config;
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            JsonElement root = json.RootElement;
            if (root.TryGetProperty("parallelizeTestCollections", out JsonElement parallel) && parallel.ValueKind is JsonValueKind.False or JsonValueKind.True)
            {
                config = config with { ParallelizeTestCollections = parallel.GetBoolean() };
            }

            if (root.TryGetProperty("preEnumerateTheories", out JsonElement enumerate) && enumerate.ValueKind is JsonValueKind.False or JsonValueKind.True)
            {
                config = config with { PreEnumerateTheories = enumerate.GetBoolean() };
            }

            if (root.TryGetProperty("maxParallelThreads", out JsonElement threads))
            {
                config = config with
                {
                    MaxParallelThreads = threads.ValueKind == JsonValueKind.Number && threads.TryGetInt32(out int n) ? n
                        : threads.ValueKind == JsonValueKind.String && threads.GetString() == "unlimited" ? -1
                        : 0,
                };
            }

            return config;
        }
        catch (JsonException e)
        {
            throw new RaceInputException($"'{path}' is not valid JSON ({e.Message}): fix it or remove it", e);
        }
    }
}
