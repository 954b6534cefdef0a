using ActorConcurrency.SharedState.Counters;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Counters;

/// <summary>Tasks 2–4: every fix of the race yields exactly 1000 from 1000 concurrent tasks, every repetition.</summary>
public sealed class FixedCounterSpec
{
    private const int Tasks = 1000;

    public static TheoryData<string> SharedMemoryForms => ["interlocked", "monitor", "lock"];

    private static ICounter Create(string form) => form switch
    {
        "interlocked" => new InterlockedCounter(),
        "monitor" => new MonitorCounter(),
        "lock" => new ThreadingLockCounter(),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    [Theory]
    [MemberData(nameof(SharedMemoryForms))]
    public async Task Shared_memory_fix_counts_every_increment(string form)
    {
        for (int repetition = 0; repetition < StressConfig.Repetitions; repetition++)
        {
            ICounter counter = Create(form);
            await ConcurrentIncrements.RunAsync(Tasks, counter.Increment);
            Assert.Equal(Tasks, counter.Read());
        }
    }

    [Fact]
    public async Task Channel_reader_counts_every_increment()
    {
        for (int repetition = 0; repetition < StressConfig.Repetitions; repetition++)
        {
            var counter = new ChannelCounter();
            await ConcurrentIncrements.RunAsync(Tasks, counter.Increment);
            Assert.Equal(Tasks, await counter.CompleteAsync());
        }
    }

    [Fact]
    public async Task Channel_counter_rejects_increments_after_completion_instead_of_losing_them()
    {
        var counter = new ChannelCounter();
        counter.Increment();
        Assert.Equal(1, await counter.CompleteAsync());
        Assert.Throws<InvalidOperationException>(counter.Increment);
    }

    [Fact]
    public async Task Workload_rejects_a_task_count_below_one()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ConcurrentIncrements.RunAsync(0, () => { }));
        Assert.Equal("tasks", error.ParamName);
    }
}
