namespace ActorConcurrency.Host.Catalog;

/// <summary>The options of <c>run</c> that tasks share; a task lists the ones it reads in <see cref="CatalogTask.Options"/>.</summary>
internal static class RunOptions
{
    /// <summary>How many times a demonstration repeats its experiment.</summary>
    public static readonly TaskOption<int> Runs = new(
        "--runs", "How many times to repeat the experiment", 20, v => v < 1 ? "must be at least 1" : null);

    /// <summary>How many concurrent tasks a counter demonstration starts.</summary>
    public static readonly TaskOption<int> Tasks = new(
        "--tasks", "How many concurrent tasks increment the counter", 1000, v => v < 1 ? "must be at least 1" : null);

    /// <summary>How many times in a row each task of task 1's racy counter increments.</summary>
    public static readonly TaskOption<int> Increments = new(
        "--increments", "How many increments each task does in a row (1 is the exercise as written; races then rarely show on few cores)", 10_000,
        v => v is < 1 or > 1_000_000 ? "must be from 1 to 1000000" : null);

    /// <summary>How many threads run an experiment at once (tasks 5, 6 and 13).</summary>
    public static readonly TaskOption<int> Threads = new(
        "--threads", "How many threads run the experiment at once", 8, v => v is < 1 or > 64 ? "must be from 1 to 64" : null);
}
