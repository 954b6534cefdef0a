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

    public static async Task AwaitedAsyncMethodsInSequence()
    {
        var cell = new Cell();
        for (int i = 0; i < Tasks; i++)
        {
            await BumpAfterYieldAsync(cell);
        }

        cell.Value++;
    }

    public static async Task UnawaitedAsyncMethodRaces()
    {
        // The first method has completed (its thread retired) but nothing orders it with the second: a race.
        var cell = new Cell();
        Task first = BumpAfterYieldAsync(cell);
        while (!first.IsCompleted)
        {
            Thread.Yield();
        }

        await BumpAfterYieldAsync(cell);
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

    private static async Task BumpAfterYieldAsync(Cell cell)
    {
        await Task.Yield();
        cell.Value++;
    }

    /// <summary>One shared field.</summary>
    private sealed class Cell
    {
        public int Value;
    }
}
