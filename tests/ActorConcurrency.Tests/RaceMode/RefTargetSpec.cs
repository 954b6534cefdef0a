using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Accesses through a pointer whose target is only known at run time (<see cref="RefShapes"/>): a reassigned
/// <c>ref</c> local, a <c>ref</c> parameter, a <c>ref</c> return. Each is checked on the location it really reaches:
/// the racy program reports a race on it on every repetition, the race-free one never reports one.
/// </summary>
[Collection(RaceModeCollection.Name)]
public sealed class RefTargetSpec
{
    private const int Repetitions = 5;
    private readonly RaceSandbox _sandbox;

    public RefTargetSpec(TestAssemblySandbox fixture) => _sandbox = fixture.Sandbox;

    [Theory]
    [InlineData(nameof(RefShapes.ChainWalkPlainStore), "Chain.Head")]
    [InlineData(nameof(RefShapes.ReassignedSlotRacy), "Int32[1]")]
    [InlineData(nameof(RefShapes.StructFieldThroughReassignedRefRacy), "PointPair.Second.X")]
    [InlineData(nameof(RefShapes.InterlockedThroughReassignedRefMixedWithPlainRead), "Flags.Ready")]
    [InlineData(nameof(RefShapes.RefParameterRacy), "Counter.Value")]
    [InlineData(nameof(RefShapes.RefReturnRacy), "Int32[1]")]
    public void Racy_access_through_a_runtime_target_is_reported_on_that_target(string shape, string location)
    {
        for (int repetition = 1; repetition <= Repetitions; repetition++)
        {
            RaceRun run = _sandbox.Run(typeof(RefShapes).GetMethod(shape)!, []);

            Assert.True(run.HasRaces, $"{shape}, repetition {repetition}: no race found");
            Assert.Contains(run.Races, r => r.Variable.EndsWith(location, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(nameof(RefShapes.ChainWalkPublished))]
    [InlineData(nameof(RefShapes.ReassignedSlotsApart))]
    [InlineData(nameof(RefShapes.StructFieldsThroughReassignedRefApart))]
    [InlineData(nameof(RefShapes.InterlockedThroughReassignedRefPublishes))]
    [InlineData(nameof(RefShapes.RefParameterWalkPublished))]
    [InlineData(nameof(RefShapes.RefReturnApart))]
    [InlineData(nameof(RefShapes.RefReturnPublished))]
    public void Race_free_access_through_a_runtime_target_reports_no_race(string shape)
    {
        for (int repetition = 1; repetition <= Repetitions; repetition++)
        {
            RaceRun run = _sandbox.Run(typeof(RefShapes).GetMethod(shape)!, []);

            Assert.False(run.HasRaces, $"{shape}, repetition {repetition}:\n" + string.Join("\n", run.Races.Select(r => r.Format())));
        }
    }
}
