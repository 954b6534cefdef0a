using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;
using static ActorConcurrency.Tests.RaceDetector.DetectorPrograms;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>The select and Cond examples of docs/happens-before.md, as written there, are race-free and finish.</summary>
public sealed class DocExamplesSpec
{
    [Fact]
    public void The_quit_channel_worker_is_race_free_and_stops()
    {
        string printed = string.Empty;
        var d = Run(detector =>
        {
            var results = new TrackedChannel<int>(detector, capacity: 0, "results");
            var quit = new TrackedChannel<bool>(detector, capacity: 0, "quit");
            var reason = new TrackedVariable<string>(detector, "reason", "");
            detector.Go("worker", () =>
            {
                for (int i = 0; ; i++)
                {
                    if (TrackedSelect.Select(results.SendCase(i), quit.ReceiveCase()) == 1)
                    {
                        printed = reason.Read();
                        return;
                    }
                }
            });
            for (int n = 0; n < 3; n++)
            {
                results.Receive();
            }

            reason.Write("enough");
            quit.Close();
        });
        Assert.Equal("enough", printed);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void The_cond_queue_is_race_free_and_consumes_the_item()
    {
        int left = -1;
        var d = Run(detector =>
        {
            var mu = new TrackedMutex(detector, "mu");
            var nonEmpty = new TrackedCond(detector, mu, "nonEmpty");
            var items = new TrackedVariable<int>(detector, "items");
            ForkedThread consumer = detector.Go("consumer", () =>
            {
                mu.Lock();
                while (items.Read() == 0)
                {
                    nonEmpty.Wait();
                }

                items.Write(items.Read() - 1);
                mu.Unlock();
            });
            mu.Lock();
            items.Write(items.Read() + 1);
            nonEmpty.Signal();
            mu.Unlock();
            consumer.Join();
            left = items.Read();
        });
        Assert.Equal(0, left);
        Assert.Equal(0, d.RaceCount);
    }
}
