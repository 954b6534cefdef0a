using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Accesses through <c>Unsafe.As</c> and <c>Unsafe.AsRef</c> (<see cref="UnsafeShapes"/>) are checked on the field the
/// pointer was made from, with their own kind: a <c>Volatile</c> call through them is atomic, a plain load or store
/// plain. The racy program reports a race on that field on every repetition, the race-free one never reports one.
/// </summary>
[Collection(RaceModeCollection.Name)]
public sealed class UnsafeAsSpec
{
    private const int Repetitions = 5;
    private readonly RaceSandbox _sandbox;

    public UnsafeAsSpec(TestAssemblySandbox fixture) => _sandbox = fixture.Sandbox;

    [Theory]
    [InlineData(nameof(UnsafeShapes.VolatileWriteThroughAsMixedWithPlainRead), "Box.Field")]
    [InlineData(nameof(UnsafeShapes.PlainStoreThroughAsRacy), "Box.Field")]
    [InlineData(nameof(UnsafeShapes.PlainIncrementThroughAsRefRacy), "Box.Field")]
    public void Racy_access_through_Unsafe_As_is_reported_on_the_original_field(string shape, string location)
    {
        for (int repetition = 1; repetition <= Repetitions; repetition++)
        {
            RaceRun run = _sandbox.Run(typeof(UnsafeShapes).GetMethod(shape)!, []);

            Assert.True(run.HasRaces, $"{shape}, repetition {repetition}: no race found");
            Assert.Contains(run.Races, r => r.Variable.EndsWith(location, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(nameof(UnsafeShapes.VolatileThroughAsOnBothSides))]
    [InlineData(nameof(UnsafeShapes.VolatileThroughAsAgainstDirectVolatile))]
    [InlineData(nameof(UnsafeShapes.VolatileWriteThroughAsPublishes))]
    public void Race_free_access_through_Unsafe_As_reports_no_race(string shape)
    {
        for (int repetition = 1; repetition <= Repetitions; repetition++)
        {
            RaceRun run = _sandbox.Run(typeof(UnsafeShapes).GetMethod(shape)!, []);

            Assert.False(run.HasRaces, $"{shape}, repetition {repetition}:\n" + string.Join("\n", run.Races.Select(r => r.Format())));
        }
    }
}
