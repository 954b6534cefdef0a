using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Framework callbacks under race mode (<see cref="CallbackShapes"/>): each runs as a logical thread forked at its
/// submission and joined by whoever waits for its completion. The race-free program gets no race and leaves no
/// access unchecked; the racy one gets its race, on every repetition.
/// </summary>
[Collection(RaceModeCollection.Name)]
public sealed class CallbackSpec
{
    private const int Repetitions = 5;
    private readonly RaceSandbox _sandbox;

    public CallbackSpec(TestAssemblySandbox fixture) => _sandbox = fixture.Sandbox;

    [Theory]
    [InlineData(nameof(CallbackShapes.ContinueWithJoined))]
    [InlineData(nameof(CallbackShapes.ContinueWithResultJoined))]
    [InlineData(nameof(CallbackShapes.ContinueWhenAllJoined))]
    [InlineData(nameof(CallbackShapes.QueueUserWorkItemSignalled))]
    [InlineData(nameof(CallbackShapes.UnsafeQueueUserWorkItemSignalled))]
    [InlineData(nameof(CallbackShapes.ParallelForJoined))]
    [InlineData(nameof(CallbackShapes.ParallelForEachJoined))]
    [InlineData(nameof(CallbackShapes.ParallelInvokeJoined))]
    [InlineData(nameof(CallbackShapes.ThreadingTimerJoined))]
    [InlineData(nameof(CallbackShapes.TimersTimerJoined))]
    [InlineData(nameof(CallbackShapes.RegisteredWaitSignalled))]
    public void Ordered_callback_is_checked_and_reports_no_race(string shape)
    {
        for (int repetition = 1; repetition <= Repetitions; repetition++)
        {
            RaceRun run = _sandbox.Run(typeof(CallbackShapes).GetMethod(shape)!, []);

            Assert.False(run.HasRaces, $"{shape}, repetition {repetition}:\n" + string.Join("\n", run.Races.Select(r => r.Format())));
            Assert.Equal(0, run.UnboundAccesses);
        }
    }

    [Theory]
    [InlineData(nameof(CallbackShapes.ContinueWithRacy))]
    [InlineData(nameof(CallbackShapes.ContinueWithResultRacy))]
    [InlineData(nameof(CallbackShapes.ContinueWhenAllRacy))]
    [InlineData(nameof(CallbackShapes.QueueUserWorkItemRacy))]
    [InlineData(nameof(CallbackShapes.UnsafeQueueUserWorkItemRacy))]
    [InlineData(nameof(CallbackShapes.ParallelForRacy))]
    [InlineData(nameof(CallbackShapes.ParallelForEachRacy))]
    [InlineData(nameof(CallbackShapes.ParallelInvokeRacy))]
    [InlineData(nameof(CallbackShapes.ThreadingTimerRacy))]
    [InlineData(nameof(CallbackShapes.TimersTimerRacy))]
    [InlineData(nameof(CallbackShapes.RegisteredWaitRacy))]
    public void Unordered_access_races_with_the_callback(string shape)
    {
        for (int repetition = 1; repetition <= Repetitions; repetition++)
        {
            RaceRun run = _sandbox.Run(typeof(CallbackShapes).GetMethod(shape)!, []);

            Assert.True(run.HasRaces, $"{shape}, repetition {repetition}: no race found ({run.UnboundAccesses} accesses unchecked)");
            Assert.Contains(run.Races, r => r.Variable.EndsWith("Cell.Value", StringComparison.Ordinal));
        }
    }
}
