using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Race mode reuses the logical-thread ids of finished, joined tasks and async methods (<see cref="SlotShapes"/>): a
/// run of many joined ones keeps its vector clocks as short as the threads alive at once, and an unjoined finished
/// one still races with a later one.
/// </summary>
[Collection(RaceModeCollection.Name)]
public sealed class ThreadSlotSpec
{
    private const int Repetitions = 5;
    private readonly RaceSandbox _sandbox;

    public ThreadSlotSpec(TestAssemblySandbox fixture) => _sandbox = fixture.Sandbox;

    [Fact]
    public void Joined_tasks_in_sequence_share_ids_and_do_not_race()
    {
        RaceRun run = _sandbox.Run(typeof(SlotShapes).GetMethod(nameof(SlotShapes.JoinedTasksInSequence))!, []);

        Assert.False(run.HasRaces, string.Join("\n", run.Races.Select(r => r.Format())));
        Assert.InRange(run.ThreadSlots, 2, 3);
    }

    [Fact]
    public void Awaited_async_methods_in_sequence_share_ids_and_do_not_race()
    {
        RaceRun run = _sandbox.Run(typeof(SlotShapes).GetMethod(nameof(SlotShapes.AwaitedAsyncMethodsInSequence))!, []);

        Assert.False(run.HasRaces, string.Join("\n", run.Races.Select(r => r.Format())));
        Assert.InRange(run.ThreadSlots, 2, 3);
    }

    [Theory]
    [InlineData(nameof(SlotShapes.FinishedButUnjoinedTaskRaces))]
    [InlineData(nameof(SlotShapes.UnawaitedAsyncMethodRaces))]
    public void A_finished_but_unjoined_thread_still_races_with_a_later_one(string shape)
    {
        for (int repetition = 1; repetition <= Repetitions; repetition++)
        {
            RaceRun run = _sandbox.Run(typeof(SlotShapes).GetMethod(shape)!, []);

            Assert.True(run.HasRaces, $"{shape}, repetition {repetition}: no race found");
            Assert.Contains(run.Races, r => r.Variable.EndsWith("Cell.Value", StringComparison.Ordinal));
        }
    }
}
