using ActorConcurrency.SharedState.ShardedCounters;

namespace ActorConcurrency.OptimizedShapes;

/// <summary>
/// Task 19's race-mode probe on an optimised build of <see cref="StripedCounter"/>: four tasks add to their own cell and
/// transfer to the next one while a fifth reads the sums. Race-free: every value access is inside its cell's sequence
/// lock or atomic. In optimised IL <c>Transfer</c> keeps the second cell's pointer on the stack under a <c>dup</c> from
/// its lock to its unlock.
/// </summary>
public static class StripedCounterScenarios
{
    public static void AddsTransfersAndSnapshots()
    {
        var counter = new StripedCounter(4);
        Task[] workers = new Task[5];
        for (int i = 0; i < 4; i++)
        {
            int stripe = i;
            workers[i] = Task.Run(() =>
            {
                for (int n = 0; n < 50; n++)
                {
                    counter.AddToStripe(stripe, 1);
                    counter.Transfer(stripe, (stripe + 1) % 4, 1);
                }
            });
        }

        workers[4] = Task.Run(() =>
        {
            for (int n = 0; n < 50; n++)
            {
                _ = counter.SnapshotSum();
                _ = counter.Sum();
            }
        });
        Task.WaitAll(workers);
    }
}
