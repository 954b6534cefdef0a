using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// The rewriter, one IL shape at a time (<see cref="IlShapes"/>): the racy program reports a race on the named
/// location, the correct one reports none. This spec is also the example of running code of one's own test
/// assembly under race mode with <see cref="RaceSandbox"/>.
/// </summary>
[Collection(RaceModeCollection.Name)]
public sealed class RewriterShapeSpec
{
    private readonly RaceSandbox _sandbox;

    public RewriterShapeSpec(TestAssemblySandbox fixture) => _sandbox = fixture.Sandbox;

    [Theory]
    [InlineData(nameof(IlShapes.StaticFieldRacy), "IlShapes.s_counter")]
    [InlineData(nameof(IlShapes.StructFieldRacy), "PointHolder.Point.X")]
    [InlineData(nameof(IlShapes.ArrayElementRacy), "Int32[1]")]
    [InlineData(nameof(IlShapes.GenericFieldRacy), "Box.Value")]
    [InlineData(nameof(IlShapes.AsyncStateMachineRacy), "AsyncOwner._bumps")]
    [InlineData(nameof(IlShapes.ClosureFieldRacy), "captured")]
    [InlineData(nameof(IlShapes.RefLocalRacy), "Box.Value")]
    [InlineData(nameof(IlShapes.ThreadStaticTouchedOnTwoThreads), "Int64[0]")]
    public void Racy_shape_reports_a_race_on_its_location(string shape, string location)
    {
        RaceRun run = _sandbox.Run(typeof(IlShapes).GetMethod(shape)!, []);

        Assert.True(run.HasRaces, $"{shape}: no race found");
        Assert.Contains(run.Races, r => r.Variable.EndsWith(location, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(IlShapes.StaticFieldLocked))]
    [InlineData(nameof(IlShapes.StructFieldsApart))]
    [InlineData(nameof(IlShapes.ArrayElementsApart))]
    [InlineData(nameof(IlShapes.GenericStaticsApart))]
    [InlineData(nameof(IlShapes.AsyncStateMachineAcrossAwaits))]
    [InlineData(nameof(IlShapes.ClosureFieldJoined))]
    [InlineData(nameof(IlShapes.RefLocalJoined))]
    [InlineData(nameof(IlShapes.ThreadStaticOwnedCells))]
    public void Correct_shape_reports_no_race(string shape)
    {
        RaceRun run = _sandbox.Run(typeof(IlShapes).GetMethod(shape)!, []);

        Assert.False(run.HasRaces, string.Join("\n", run.Races.Select(r => r.Format())));
    }
}
