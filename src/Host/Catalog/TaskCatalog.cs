using System.Diagnostics;
using System.Reflection;

namespace ActorConcurrency.Host.Catalog;

/// <summary>The 20 tasks, found by reflection over the <see cref="CatalogTask"/> classes of this assembly.</summary>
internal static class TaskCatalog
{
    public const int FirstTask = 1;
    public const int LastTask = 20;

    /// <summary>Every task, ordered by number.</summary>
    public static IReadOnlyList<CatalogTask> All { get; } = Discover();

    public static CatalogTask Get(int number) => All[number - FirstTask];

    /// <summary>The tasks that read <paramref name="option"/>, as help prints them: <c>(task 1)</c>, <c>(tasks 5, 6, 13)</c>.</summary>
    public static string TasksReading(System.CommandLine.Option option)
    {
        int[] readers = All.Where(t => t.Options.Contains(option)).Select(t => t.Info.Number).ToArray();
        return readers.Length == 1 ? $"(task {readers[0]})" : $"(tasks {string.Join(", ", readers)})";
    }

    private static CatalogTask[] Discover()
    {
        CatalogTask[] tasks = typeof(TaskCatalog).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(CatalogTask)))
            .Select(t => (CatalogTask)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(t => t.Info.Number)
            .ToArray();

        // One class per number, no gaps: a mistake here is a programming error, caught by a spec.
        Debug.Assert(tasks.Select(t => t.Info.Number).SequenceEqual(Enumerable.Range(FirstTask, LastTask)));
        return tasks;
    }
}
