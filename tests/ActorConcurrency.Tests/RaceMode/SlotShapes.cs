namespace ActorConcurrency.Tests.RaceMode;

/// <summary>Many tasks over one run: joined ones share logical-thread ids, an unjoined one still races.</summary>
internal static class SlotShapes
{
    public const int Tasks = 100;

    public static void JoinedTasksInSequence()
    {
        var cell = new Cell();
        for (int i = 0; i < Tasks; i++)
        {
            Task.Run(() => cell.Value++).Wait();
        }

        cell.Value++;
    }

    public static void FinishedButUnjoinedTaskRaces()
    {
        // The first task has finished (its id is retired) but nothing orders it with the second: a race, whatever ids they get.
        var cell = new Cell();
        Task first = Task.Run(() => cell.Value++);
        while (!first.IsCompleted)
        {
            Thread.Yield();
        }

        Task.Run(() => cell.Value++).Wait();
    }

    /// <summary>One shared field.</summary>
    private sealed class Cell
    {
        public int Value;
    }
}
