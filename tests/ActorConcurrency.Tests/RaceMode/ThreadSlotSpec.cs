using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Race mode reuses the logical-thread ids of finished, joined tasks (<see cref="SlotShapes"/>): a run of many
/// joined tasks keeps its vector clocks as short as the threads alive at once, and an unjoined finished task still
/// races with a later one.
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
    public void A_finished_but_unjoined_task_still_races_with_a_later_one()
    {
        for (int repetition = 1; repetition <= Repetitions; repetition++)
        {
            RaceRun run = _sandbox.Run(typeof(SlotShapes).GetMethod(nameof(SlotShapes.FinishedButUnjoinedTaskRaces))!, []);

            Assert.True(run.HasRaces, $"repetition {repetition}: no race found");
            Assert.Contains(run.Races, r => r.Variable.EndsWith("Cell.Value", StringComparison.Ordinal));
        }
    }
}
