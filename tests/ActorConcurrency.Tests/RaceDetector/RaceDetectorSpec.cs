using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// The detector's suite of small programs, each racy or race-free, asserting a report or none. Where a
/// program needs a particular real-time order, an untracked gate forces it (the detector does not see it),
/// so each verdict is the same on every run: it comes from the synchronisation, not from the schedule.
/// </summary>
public sealed class RaceDetectorSpec
{
    private static VectorClockDetector Run(Action<VectorClockDetector> program, RaceDetectorOptions? options = null)
    {
        var detector = new VectorClockDetector(options ?? new RaceDetectorOptions { KeepAccessStacks = false });
        detector.Run("main", () => program(detector));
        return detector;
    }

    private static void AssertRace(VectorClockDetector detector, string variable, AccessKind current, AccessKind previous)
    {
        Assert.Contains(detector.Races, r => r.Variable == variable && r.Current.Kind == current && r.Previous.Kind == previous);
    }

    // ---- plain accesses ----

    [Fact]
    public void Unsynchronised_write_write_is_a_race()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("g1", () => x.Write(1));
            d.Go("g2", () => x.Write(2));
        });
        AssertRace(d, "x", AccessKind.Write, AccessKind.Write);
        Assert.Equal(1, d.RaceCount);
    }

    [Fact]
    public void Unsynchronised_write_then_read_is_a_race()
    {
        using var written = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("writer", () =>
            {
                x.Write(1);
                written.Set();
            });
            d.Go("reader", () =>
            {
                written.Wait();
                _ = x.Read();
            });
        });
        AssertRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void Unsynchronised_read_then_write_is_a_race()
    {
        using var read = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("reader", () =>
            {
                _ = x.Read();
                read.Set();
            });
            d.Go("writer", () =>
            {
                read.Wait();
                x.Write(1);
            });
        });
        AssertRace(d, "x", AccessKind.Write, AccessKind.Read);
    }

    [Fact]
    public void Concurrent_reads_are_not_a_race()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x", 7);
            x.Write(7);
            for (int i = 0; i < 4; i++)
            {
                d.Go($"reader-{i}", () => _ = x.Read());
            }
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_write_after_read_shared_reads_races_with_each_unordered_reader()
    {
        using var bothRead = new CountdownEvent(2);
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("r1", () =>
            {
                _ = x.Read();
                bothRead.Signal();
            });
            d.Go("r2", () =>
            {
                _ = x.Read();
                bothRead.Signal();
            });
            d.Go("writer", () =>
            {
                bothRead.Wait();
                x.Write(1);
            });
        });
        Assert.Equal(2, d.Detections);
        Assert.Equal(["r1", "r2"], d.Races.Select(r => r.Previous.ThreadName).Order());
    }

    [Fact]
    public void A_write_after_joining_every_reader_of_read_shared_data_is_not_a_race()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            ForkedThread r1 = d.Go("r1", () => _ = x.Read());
            ForkedThread r2 = d.Go("r2", () => _ = x.Read());
            r1.Join();
            r2.Join();
            x.Write(1);
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Accesses_of_one_thread_never_race()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            for (int i = 0; i < 100; i++)
            {
                x.Write(x.Read() + 1);
            }
        });
        Assert.Equal(0, d.RaceCount);
    }

    // ---- fork and join ----

    [Fact]
    public void A_write_before_go_is_seen_by_the_new_thread_without_a_race()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            x.Write(1);
            d.Go("child", () => _ = x.Read());
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_write_after_go_races_with_the_new_thread()
    {
        using var childRead = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("child", () =>
            {
                _ = x.Read();
                childRead.Set();
            });
            childRead.Wait();
            x.Write(1);
        });
        AssertRace(d, "x", AccessKind.Write, AccessKind.Read);
    }

    [Fact]
    public void Join_orders_the_child_before_the_parent()
    {
        int seen = 0;
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            ForkedThread child = d.Go("child", () => x.Write(42));
            child.Join();
            seen = x.Read();
        });
        Assert.Equal(42, seen);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_race_hidden_behind_a_correct_result_is_still_reported()
    {
        // The parent really reads 42 (an untracked event waits for the child), but nothing the model
        // knows orders the write before the read.
        int seen = 0;
        using var written = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("child", () =>
            {
                x.Write(42);
                written.Set();
            });
            written.Wait();
            seen = x.Read();
        });
        Assert.Equal(42, seen);
        AssertRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void A_racy_counter_that_reaches_its_total_is_still_reported()
    {
        const int workers = 8;
        using var oneAtATime = new SemaphoreSlim(1, 1); // untracked: the total comes out exact
        int total = 0;
        var d = Run(d =>
        {
            var counter = new TrackedVariable<int>(d, "counter");
            var wg = new TrackedWaitGroup(d);
            wg.Add(workers);
            for (int i = 0; i < workers; i++)
            {
                d.Go($"worker-{i}", () =>
                {
                    oneAtATime.Wait();
                    int seen = counter.Read();
                    counter.Write(seen + 1);
                    oneAtATime.Release();
                    wg.Done();
                });
            }

            wg.Wait();
            total = counter.Read();
        });
        Assert.Equal(workers, total);
        Assert.True(d.RaceCount > 0);
    }

    [Fact]
    public void A_race_on_one_path_is_reported_when_that_path_runs()
    {
        Assert.Equal(1, RunOnePathProgram(takeSharedPath: true).RaceCount);
    }

    [Fact]
    public void A_race_on_one_path_is_not_reported_when_only_the_other_path_runs()
    {
        Assert.Equal(0, RunOnePathProgram(takeSharedPath: false).RaceCount);
    }

    private static VectorClockDetector RunOnePathProgram(bool takeSharedPath) => Run(d =>
    {
        var shared = new TrackedVariable<int>(d, "shared");
        for (int i = 0; i < 2; i++)
        {
            var local = new TrackedVariable<int>(d, $"local-{i}");
            d.Go($"g{i}", () =>
            {
                if (takeSharedPath)
                {
                    shared.Write(1); // the racy path: both threads write the shared variable
                }
                else
                {
                    local.Write(1);
                }
            });
        }
    });

    // ---- mutexes ----

    [Fact]
    public void A_mutex_protected_counter_has_no_race_and_no_lost_update()
    {
        const int workers = 16;
        int total = 0;
        var d = Run(d =>
        {
            var counter = new TrackedVariable<int>(d, "counter");
            var mu = new TrackedMutex(d, "mu");
            var wg = new TrackedWaitGroup(d);
            wg.Add(workers);
            for (int i = 0; i < workers; i++)
            {
                d.Go($"worker-{i}", () =>
                {
                    for (int n = 0; n < 100; n++)
                    {
                        mu.Lock();
                        int seen = counter.Read();
                        Thread.Yield(); // widen the window: the mutex must really exclude
                        counter.Write(seen + 1);
                        mu.Unlock();
                    }

                    wg.Done();
                });
            }

            wg.Wait();
            total = counter.Read();
        });
        Assert.Equal(workers * 100, total);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Two_different_mutexes_do_not_protect_one_variable()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var m1 = new TrackedMutex(d, "m1");
            var m2 = new TrackedMutex(d, "m2");
            d.Go("g1", () =>
            {
                m1.Lock();
                x.Write(1);
                m1.Unlock();
            });
            d.Go("g2", () =>
            {
                m2.Lock();
                x.Write(2);
                m2.Unlock();
            });
        });
        AssertRace(d, "x", AccessKind.Write, AccessKind.Write);
    }

    [Fact]
    public void A_thread_that_skips_the_lock_races_with_one_that_takes_it()
    {
        using var lockedWrite = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var mu = new TrackedMutex(d, "mu");
            d.Go("careful", () =>
            {
                mu.Lock();
                x.Write(1);
                mu.Unlock();
                lockedWrite.Set();
            });
            d.Go("careless", () =>
            {
                lockedWrite.Wait();
                _ = x.Read();
            });
        });
        AssertRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void RwMutex_readers_share_and_the_writer_is_ordered_with_them()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var rw = new TrackedRwMutex(d, "rw");
            var wg = new TrackedWaitGroup(d);
            wg.Add(5);
            for (int i = 0; i < 4; i++)
            {
                d.Go($"reader-{i}", () =>
                {
                    rw.RLock();
                    _ = x.Read();
                    rw.RUnlock();
                    wg.Done();
                });
            }

            d.Go("writer", () =>
            {
                rw.Lock();
                x.Write(x.Read() + 1);
                rw.Unlock();
                wg.Done();
            });
            wg.Wait();
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Writing_under_a_read_lock_is_a_race()
    {
        using var bothLocked = new CountdownEvent(2);
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var rw = new TrackedRwMutex(d, "rw");
            for (int i = 0; i < 2; i++)
            {
                d.Go($"reader-{i}", () =>
                {
                    rw.RLock();
                    bothLocked.Signal();
                    bothLocked.Wait(); // both really hold the read lock at once
                    x.Write(1);
                    rw.RUnlock();
                });
            }
        });
        AssertRace(d, "x", AccessKind.Write, AccessKind.Write);
    }

    // ---- channels ----

    [Fact]
    public void Unbuffered_channel_hand_off_transfers_ownership()
    {
        int got = 0;
        var d = Run(d =>
        {
            var box = new TrackedVariable<int>(d, "box");
            var c = new TrackedChannel<int>(d, 0, "c");
            d.Go("producer", () =>
            {
                box.Write(99);
                c.Send(1);
            });
            c.Receive();
            got = box.Read();
        });
        Assert.Equal(99, got);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Unbuffered_receive_happens_before_the_send_completes()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 0, "c");
            d.Go("receiver", () =>
            {
                x.Write(1);
                c.Receive();
            });
            c.Send(0);
            _ = x.Read();
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Buffered_send_does_not_wait_for_the_receive_so_the_reverse_order_races()
    {
        using var received = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var c = new TrackedChannel<int>(d, 1, "c");
            d.Go("receiver", () =>
            {
                x.Write(1);
                c.Receive();
                received.Set();
            });
            c.Send(0); // buffered: completes without the receive
            received.Wait();
            _ = x.Read();
        });
        AssertRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void Buffered_channel_hand_off_carries_values_in_order()
    {
        var got = new List<int>();
        var d = Run(d =>
        {
            var c = new TrackedChannel<int>(d, 3, "c");
            var slots = Enumerable.Range(0, 10).Select(i => new TrackedVariable<int>(d, $"slot-{i}")).ToArray();
            d.Go("producer", () =>
            {
                for (int i = 0; i < 10; i++)
                {
                    slots[i].Write(i * i);
                    c.Send(i);
                }

                c.Close();
            });
            while (c.ReceiveOrClosed(out int i))
            {
                got.Add(slots[i].Read());
            }
        });
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * i), got);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_buffered_channel_of_capacity_1_is_a_lock_by_the_capacity_rule()
    {
        Assert.Equal(0, RunSemaphoreProgram(capacity: 1).RaceCount);
    }

    [Fact]
    public void A_buffered_channel_of_capacity_2_lets_two_workers_in_together()
    {
        Assert.True(RunSemaphoreProgram(capacity: 2).RaceCount > 0);
    }

    private static VectorClockDetector RunSemaphoreProgram(int capacity) => Run(d =>
    {
        // Go's "limit := make(chan int, C); limit <- 1; work(); <-limit": receive k happens before send k+C completes.
        var shared = new TrackedVariable<int>(d, "shared");
        var limit = new TrackedChannel<int>(d, capacity, "limit");
        var wg = new TrackedWaitGroup(d);
        wg.Add(3);
        for (int i = 0; i < 3; i++)
        {
            d.Go($"worker-{i}", () =>
            {
                limit.Send(1);
                shared.Write(shared.Read() + 1);
                limit.Receive();
                wg.Done();
            });
        }

        wg.Wait();
    });

    [Fact]
    public void Close_is_a_broadcast_to_every_receiver()
    {
        var d = Run(d =>
        {
            var config = new TrackedVariable<string>(d, "config", string.Empty);
            var ready = new TrackedChannel<int>(d, 0, "ready");
            var wg = new TrackedWaitGroup(d);
            wg.Add(3);
            for (int i = 0; i < 3; i++)
            {
                d.Go($"waiter-{i}", () =>
                {
                    Assert.False(ready.ReceiveOrClosed(out _));
                    _ = config.Read();
                    wg.Done();
                });
            }

            config.Write("loaded");
            ready.Close();
            wg.Wait();
        });
        Assert.Equal(0, d.RaceCount);
    }

    // ---- wait group, once, atomics ----

    [Fact]
    public void WaitGroup_orders_every_Done_before_Wait_returns()
    {
        var d = Run(d =>
        {
            var results = Enumerable.Range(0, 4).Select(i => new TrackedVariable<int>(d, $"result-{i}")).ToArray();
            var wg = new TrackedWaitGroup(d);
            wg.Add(results.Length);
            for (int i = 0; i < results.Length; i++)
            {
                int index = i;
                d.Go($"worker-{i}", () =>
                {
                    results[index].Write(index);
                    wg.Done();
                });
            }

            wg.Wait();
            Assert.Equal(6, results.Sum(r => r.Read()));
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_write_after_Done_races_with_the_waiter()
    {
        using var wroteAfterDone = new ManualResetEventSlim();
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var wg = new TrackedWaitGroup(d);
            wg.Add(1);
            d.Go("worker", () =>
            {
                wg.Done();
                x.Write(1); // the thread's exit is not an event: nothing orders this before main's read
                wroteAfterDone.Set();
            });
            wg.Wait();
            wroteAfterDone.Wait();
            _ = x.Read();
        });
        AssertRace(d, "x", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void Once_runs_the_initialiser_once_and_orders_it_before_every_Do()
    {
        int calls = 0;
        var d = Run(d =>
        {
            var instance = new TrackedVariable<string?>(d, "instance", null);
            var once = new TrackedOnce(d, "once");
            var wg = new TrackedWaitGroup(d);
            wg.Add(4);
            for (int i = 0; i < 4; i++)
            {
                d.Go($"user-{i}", () =>
                {
                    once.Do(() =>
                    {
                        Interlocked.Increment(ref calls);
                        instance.Write("ready");
                    });
                    Assert.Equal("ready", instance.Read());
                    wg.Done();
                });
            }

            wg.Wait();
        });
        Assert.Equal(1, calls);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void Publishing_through_an_atomic_flag_is_not_a_race()
    {
        Assert.Equal(0, RunFlagPublication(atomicFlag: true).RaceCount);
    }

    [Fact]
    public void Publishing_through_a_plain_flag_races_on_the_flag_and_the_data()
    {
        VectorClockDetector d = RunFlagPublication(atomicFlag: false);
        Assert.Equal(["data", "ready"], d.Races.Select(r => r.Variable).Order());
    }

    private static VectorClockDetector RunFlagPublication(bool atomicFlag)
    {
        using var published = new ManualResetEventSlim();
        return Run(d =>
        {
            var data = new TrackedVariable<int>(d, "data");
            var plain = new TrackedVariable<bool>(d, "ready");
            var atomic = new TrackedAtomic<bool>(d, "ready");
            d.Go("writer", () =>
            {
                data.Write(42);
                if (atomicFlag)
                {
                    atomic.Store(true);
                }
                else
                {
                    plain.Write(true);
                }

                published.Set();
            });
            d.Go("reader", () =>
            {
                published.Wait();
                Assert.True(atomicFlag ? atomic.Load() : plain.Read());
                Assert.Equal(42, data.Read());
            });
        });
    }

    [Fact]
    public void An_atomic_counter_has_no_race_and_no_lost_update()
    {
        long total = 0;
        var d = Run(d =>
        {
            var counter = new TrackedAtomicInt64(d, "counter");
            var wg = new TrackedWaitGroup(d);
            wg.Add(8);
            for (int i = 0; i < 8; i++)
            {
                d.Go($"worker-{i}", () =>
                {
                    for (int n = 0; n < 50; n++)
                    {
                        counter.Add(1);
                    }

                    wg.Done();
                });
            }

            wg.Wait();
            total = counter.Load();
        });
        Assert.Equal(400, total);
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void A_compare_and_swap_spin_lock_protects_a_variable()
    {
        int total = 0;
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            var held = new TrackedAtomicInt64(d, "held");
            var wg = new TrackedWaitGroup(d);
            wg.Add(4);
            for (int i = 0; i < 4; i++)
            {
                d.Go($"worker-{i}", () =>
                {
                    for (int n = 0; n < 20; n++)
                    {
                        while (!held.CompareAndSwap(0, 1))
                        {
                            Thread.Yield();
                        }

                        x.Write(x.Read() + 1);
                        held.Store(0);
                    }

                    wg.Done();
                });
            }

            wg.Wait();
            total = x.Read();
        });
        Assert.Equal(80, total);
        Assert.Equal(0, d.RaceCount);
    }

    // ---- actors ----

    [Fact]
    public void An_actor_receive_is_ordered_after_the_Tell()
    {
        Assert.Equal(0, RunActorProgram(stamped: true).RaceCount);
    }

    [Fact]
    public void An_actor_reading_without_the_Tell_edge_races()
    {
        Assert.Equal(1, RunActorProgram(stamped: false).RaceCount);
    }

    private static VectorClockDetector RunActorProgram(bool stamped) => Run(d =>
    {
        var x = new TrackedVariable<int>(d, "x");
        LogicalThread actor = d.Spawn("actor");
        x.Write(1);
        TellStamp? stamp = stamped ? ActorEdges.Tell(d) : null;

        // The "mailbox": another real thread runs the actor's message handler.
        Task.Run(() =>
        {
            using (actor.Enter())
            {
                if (stamp is not null)
                {
                    ActorEdges.Receive(d, stamp);
                }

                _ = x.Read();
            }
        }).GetAwaiter().GetResult();
    });

    // ---- reports ----

    [Fact]
    public void One_report_per_pair_of_code_sites_however_often_it_races()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            for (int i = 0; i < 50; i++)
            {
                int value = i;
                d.Go($"g{i}", () => x.Write(value)); // one code site, 50 unordered writes
            }
        });
        Assert.Equal(49, d.Detections);
        Assert.Equal(1, d.RaceCount);
        Assert.Equal("Found 1 data race(s)", d.Summary);
    }

    [Fact]
    public void A_report_names_the_variable_both_kinds_both_threads_and_both_stacks()
    {
        using var written = new ManualResetEventSlim();
        var d = Run(
            d =>
            {
                var x = new TrackedVariable<int>(d, "balance");
                d.Go("depositor", () =>
                {
                    x.Write(100);
                    written.Set();
                });
                d.Go("auditor", () =>
                {
                    written.Wait();
                    _ = x.Read();
                });
            },
            new RaceDetectorOptions { KeepAccessStacks = true });

        RaceReport report = Assert.Single(d.Races);
        string text = report.Format();
        Assert.Contains("WARNING: DATA RACE", text);
        Assert.Contains("Read of 'balance' by logical thread auditor", text);
        Assert.Contains("Previous write of 'balance' by logical thread depositor", text);
        Assert.Contains(nameof(RaceDetectorSpec), report.Current.Stack);
        Assert.Contains(nameof(RaceDetectorSpec), report.Previous.Stack);
        Assert.Contains(nameof(RaceDetectorSpec) + ".cs", report.Previous.Site.File);
    }

    [Fact]
    public void Without_kept_stacks_the_earlier_access_is_shown_by_its_call_site()
    {
        var d = Run(d =>
        {
            var x = new TrackedVariable<int>(d, "x");
            d.Go("g1", () => x.Write(1));
            d.Go("g2", () => x.Write(2));
        });
        RaceReport report = Assert.Single(d.Races);
        Assert.Null(report.Previous.Stack);
        Assert.Contains("stack not kept", report.Format());
        Assert.True(report.Previous.Site.Line > 0);
    }
}
