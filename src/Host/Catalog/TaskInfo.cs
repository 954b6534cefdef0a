namespace ActorConcurrency.Host.Catalog;

/// <summary>
/// What the catalog says of one task: where it comes from and where each of its forms lives, so a
/// reader finds its code, actor, specs and benchmark in one hop.
/// </summary>
/// <param name="Number">1–20, the task's place in the tour.</param>
/// <param name="Title">A few words that name the task.</param>
/// <param name="GoExercise">The exercise of the Go memory-model list it comes from.</param>
/// <param name="Topic">The topic folder shared by SharedState, Actors, tests and bench.</param>
/// <param name="SharedStateTypes">The shared-memory types, or empty.</param>
/// <param name="ActorTypes">The actor types, or empty.</param>
/// <param name="Specs">The spec classes that prove it.</param>
/// <param name="Benchmark">The BenchmarkDotNet class that measures it, or empty.</param>
internal sealed record TaskInfo(
    int Number,
    string Title,
    string GoExercise,
    string Topic,
    IReadOnlyList<string> SharedStateTypes,
    IReadOnlyList<string> ActorTypes,
    IReadOnlyList<string> Specs,
    string Benchmark);
