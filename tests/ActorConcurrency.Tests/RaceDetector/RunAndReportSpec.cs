using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Tracking;
using static ActorConcurrency.Tests.RaceDetector.DetectorPrograms;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// <see cref="VectorClockDetector.Run"/> waits for spawned logical threads as it does for started ones, and
/// reports stop at the first frame outside the user's code.
/// </summary>
public sealed class RunAndReportSpec
{
    [Fact]
    public void Run_waits_for_a_spawned_thread_entered_on_the_pool_so_its_race_is_reported()
    {
        int read = -1;
        using var bodyDone = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            LogicalThread pooled = d.Spawn("pooled");
            x.Write(1);

            // Fire and forget: nothing waits for the task but Run, and it enters only once the body is over.
            _ = Task.Run(() =>
            {
                bodyDone.Wait();
                using (pooled.Enter())
                {
                    read = x.Read();
                }
            });
            bodyDone.Set();
        });
        Assert.Equal(1, read);
        AssertSingleRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void A_spawned_thread_ordered_by_the_spawn_does_not_race()
    {
        int read = -1;
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            x.Write(1);
            LogicalThread pooled = d.Spawn("pooled"); // after the write: the spawn orders it
            _ = Task.Run(() =>
            {
                using (pooled.Enter())
                {
                    read = x.Read();
                }
            });
        });
        Assert.Equal(1, read);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_spawned_thread_that_never_runs_times_Run_out_naming_it()
    {
        var d = new VectorClockDetector(new RaceDetectorOptions { RunTimeout = TimeSpan.FromMilliseconds(200) });
        var ex = Assert.Throws<TimeoutException>(() => d.Run("main", () => d.Spawn("forgotten")));
        Assert.Contains("forgotten (spawned)", ex.Message);
    }

    [Fact]
    public void A_report_stack_ends_at_the_users_code_without_runtime_or_test_runner_frames()
    {
        using var written = new ManualResetEventSlim();
        var d = Run(
            d =>
            {
                var x = new TrackedVariable<int>(d, "x");
                d.Go("writer", () =>
                {
                    x.Write(1);
                    written.Set();
                });
                written.Wait();
                _ = x.Read(); // on main: below it are Run, this test method, then xunit's reflection
            },
            new RaceDetectorOptions { KeepAccessStacks = true });

        RaceReport race = Assert.Single(d.Races);
        foreach (string stack in new[] { race.Current.Stack!, race.Previous.Stack! })
        {
            Assert.Contains(nameof(RunAndReportSpec), stack);
            Assert.DoesNotContain("System.", stack);
            Assert.DoesNotContain("Xunit", stack);
            Assert.DoesNotContain("InvokeMethod", stack);
            Assert.DoesNotContain("ActorConcurrency.RaceDetector.Tracking", stack);
        }

        Assert.Contains(nameof(A_report_stack_ends_at_the_users_code_without_runtime_or_test_runner_frames), race.Current.Stack);
    }
}
