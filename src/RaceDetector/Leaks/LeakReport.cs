using System.Text;

namespace ActorConcurrency.RaceDetector.Leaks;

/// <summary>What a <see cref="TaskLeakCheck"/> found.</summary>
/// <param name="TasksCreated">Tasks and suspended async methods created inside the scope.</param>
/// <param name="TasksFinished">Those seen to finish before the report was taken.</param>
/// <param name="GracePeriod">How long the check waited after the body for the rest to finish.</param>
/// <param name="Leaks">The tasks still unfinished after the grace period, in creation order.</param>
public sealed record LeakReport(int TasksCreated, int TasksFinished, TimeSpan GracePeriod, IReadOnlyList<LeakedTask> Leaks)
{
    /// <summary>True when every task started in the scope finished within the grace period.</summary>
    public bool IsClean => Leaks.Count == 0;

    /// <summary>A goleak-style message: one paragraph per leaked task with where it was started.</summary>
    public override string ToString()
    {
        if (IsClean)
        {
            return $"no leaked tasks ({TasksCreated} started, {TasksFinished} finished within {GracePeriod.TotalMilliseconds:0} ms)";
        }

        var text = new StringBuilder($"found {Leaks.Count} unexpected task(s) still unfinished {GracePeriod.TotalMilliseconds:0} ms after the scope ended:");
        foreach (LeakedTask leak in Leaks)
        {
            text.AppendLine().Append($"  task {leak.TaskId}: {leak.Operation}, {leak.State}");
            foreach (string frame in leak.Stack)
            {
                text.AppendLine().Append($"      at {frame}");
            }
        }

        return text.ToString();
    }
}
