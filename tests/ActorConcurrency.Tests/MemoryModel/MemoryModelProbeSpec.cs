using ActorConcurrency.SharedState.MemoryModel;

namespace ActorConcurrency.Tests.MemoryModel;

/// <summary>
/// Task 11: only what is guaranteed. The Volatile forms always stop (and publish 42) in process; in a child process
/// (ProbeRunnerSpec) too. What the plain forms do is up to the JIT and the CPU, so no spec asserts it.
/// </summary>
public sealed class MemoryModelProbeSpec
{
    [Fact]
    public void The_volatile_stop_flag_stops_the_spinner_in_process()
    {
        StopFlagProbe probe = StopFlagProbe.WithVolatile();
        long iterations = -1;
        var spinner = new Thread(() => iterations = probe.SpinUntilStopped());
        spinner.Start();
        probe.RequestStop();
        spinner.Join();
        Assert.True(iterations >= 0);
    }

    [Fact]
    public void The_volatile_publication_reads_42_in_process()
    {
        PublicationProbe probe = PublicationProbe.WithVolatile();
        int value = -1;
        var reader = new Thread(() => value = probe.WaitAndRead());
        reader.Start();
        probe.Publish();
        reader.Join();
        Assert.Equal(PublicationProbe.Published, value);
    }

    [Fact]
    public void Publications_through_a_volatile_flag_are_never_seen_out_of_order()
    {
        const int rounds = 200_000;
        PublicationOrderProbe probe = PublicationOrderProbe.WithVolatile();
        (long Reads, long Stale) seen = default;
        var reader = new Thread(() => seen = probe.ReadUntil(rounds));
        reader.Start();
        probe.Publish(rounds);
        reader.Join();
        Assert.True(seen.Reads >= 1);
        Assert.Equal(0, seen.Stale);
    }
}
