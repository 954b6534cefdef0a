using System.Reflection;
using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Race mode on optimised IL (tests/OptimizedShapes: SharedState's <c>StripedCounter</c> compiled as Release compiles
/// it): a pointer kept on the evaluation stack under a <c>dup</c> and passed to a later call is handed to that call as
/// one in a local is. Before, <c>Transfer</c>'s unlock of its second cell had no target, its atomic ordered through
/// the global clock only, and every run built in Release reported a false race on a cell's value.
/// </summary>
[Collection(RaceModeCollection.Name)]
public sealed class OptimizedIlSpec : IDisposable
{
    private static readonly string s_path = Path.Combine(AppContext.BaseDirectory, "ActorConcurrency.OptimizedShapes.dll");
    private readonly RaceSandbox _sandbox = RaceSandbox.Create([s_path]);

    [Fact]
    public void Pointer_kept_under_a_dup_reaches_its_later_call()
    {
        MethodInfo scenario = Assembly.LoadFrom(s_path).GetType("ActorConcurrency.OptimizedShapes.StripedCounterScenarios", throwOnError: true)!
            .GetMethod("AddsTransfersAndSnapshots")!;
        for (int repetition = 1; repetition <= 5; repetition++)
        {
            RaceRun run = _sandbox.Run(scenario, []);

            Assert.False(run.HasRaces, $"repetition {repetition}:\n" + string.Join("\n", run.Races.Select(r => r.Format())));
            Assert.Equal(0, run.GlobalAcquisitions);
        }
    }

    public void Dispose() => _sandbox.Dispose();
}
