using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Quiz;

/// <summary>
/// The scenarios of the happens-before quiz (task 20), each a small Go program rewritten with tracked
/// primitives: the quiz's seven (1–7) and three about select (9–11; 8 is the actor form, run by the host).
/// Event A is a write of <c>a</c>, event B a read of it; the detector's clocks decide whether A
/// happens before B, and the race check on <c>a</c> agrees (a race exactly when they are concurrent).
/// Where the real order of two threads matters to the story, an untracked gate (a plain
/// <see cref="ManualResetEventSlim"/>, invisible to the detector) forces it without creating an edge: a
/// thing that happened earlier in real time is not thereby "before" in the model.
/// </summary>
public static class HappensBeforeQuiz
{
    /// <summary>The first event's name in every scenario.</summary>
    public const string A = "A";

    /// <summary>The second event's name in every scenario.</summary>
    public const string B = "B";

    /// <summary>The scenarios, in order of their numbers (1–7, then the select scenarios 9–11).</summary>
    public static IReadOnlyList<QuizScenario> Scenarios { get; } =
    [
        new(1, "go statement",
            "a = \"hello\" /*A*/; go func() { print(a) /*B*/ }()",
            "A happens before B: the go statement is before the goroutine's execution begins",
            HappensBeforeOrder.FirstBeforeSecond,
            detector =>
            {
                var a = new TrackedVariable<string>(detector, "a", string.Empty);
                a.Write("hello");
                detector.Event(A);
                detector.Go("f", () =>
                {
                    detector.Event(B);
                    _ = a.Read();
                });
            }),

        new(2, "channel send → receive",
            "c := make(chan int, 10); go func() { a = \"hello\" /*A*/; c <- 0 }(); <-c; print(a) /*B*/",
            "A happens before B: a send is before the corresponding receive completes",
            HappensBeforeOrder.FirstBeforeSecond,
            detector =>
            {
                var a = new TrackedVariable<string>(detector, "a", string.Empty);
                var c = new TrackedChannel<int>(detector, capacity: 10, name: "c");
                detector.Go("f", () =>
                {
                    a.Write("hello");
                    detector.Event(A);
                    c.Send(0);
                });
                c.Receive();
                detector.Event(B);
                _ = a.Read();
            }),

        new(3, "unbuffered receive → send completes",
            "c := make(chan int); go func() { a = \"hello\" /*A*/; <-c }(); c <- 0; print(a) /*B*/",
            "A happens before B: on an unbuffered channel the receive is before the send completes",
            HappensBeforeOrder.FirstBeforeSecond,
            detector =>
            {
                var a = new TrackedVariable<string>(detector, "a", string.Empty);
                var c = new TrackedChannel<int>(detector, capacity: 0, name: "c");
                detector.Go("f", () =>
                {
                    a.Write("hello");
                    detector.Event(A);
                    c.Receive();
                });
                c.Send(0);
                detector.Event(B);
                _ = a.Read();
            }),

        new(4, "mutex unlock → lock",
            "var l sync.Mutex; l.Lock(); go func() { a = \"hello\" /*A*/; l.Unlock() }(); l.Lock(); print(a) /*B*/",
            "A happens before B: call 1 of l.Unlock is before call 2 of l.Lock returns",
            HappensBeforeOrder.FirstBeforeSecond,
            detector =>
            {
                var a = new TrackedVariable<string>(detector, "a", string.Empty);
                var l = new TrackedMutex(detector, "l");
                l.Lock();
                detector.Go("f", () =>
                {
                    a.Write("hello");
                    detector.Event(A);
                    l.Unlock();
                });
                l.Lock();
                detector.Event(B);
                _ = a.Read();
                l.Unlock();
            }),

        new(5, "sync.Once",
            "var once sync.Once; setup := func() { a = \"hello\" /*A*/ }; go func() { once.Do(setup) }(); /* later */ once.Do(setup); print(a) /*B*/",
            "A happens before B: the single call of setup is before any once.Do(setup) returns",
            HappensBeforeOrder.FirstBeforeSecond,
            detector =>
            {
                var a = new TrackedVariable<string>(detector, "a", string.Empty);
                var once = new TrackedOnce(detector, "once");
                using var setupRan = new ManualResetEventSlim(); // untracked: makes g1 the one that runs setup
                void Setup()
                {
                    a.Write("hello");
                    detector.Event(A);
                }

                detector.Go("g1", () =>
                {
                    once.Do(Setup);
                    setupRan.Set();
                });
                setupRan.Wait();
                once.Do(Setup);
                detector.Event(B);
                _ = a.Read();
            }),

        new(6, "no synchronisation",
            "go func() { a = \"hello\" /*A*/ }(); go func() { print(a) /*B*/ }()",
            "A and B are concurrent: nothing orders the two goroutines (even when A runs first in real time)",
            HappensBeforeOrder.Concurrent,
            detector =>
            {
                var a = new TrackedVariable<string>(detector, "a", string.Empty);
                var realTimeFirst = new ManualResetEventSlim(); // untracked: A really runs before B
                detector.Go("g1", () =>
                {
                    a.Write("hello");
                    detector.Event(A);
                    realTimeFirst.Set();
                });
                detector.Go("g2", () =>
                {
                    realTimeFirst.Wait();
                    detector.Event(B);
                    _ = a.Read();
                });
            }),

        new(7, "WaitGroup Done → Wait",
            "wg.Add(1); go func() { a = \"hello\" /*A*/; wg.Done(); x = 1 /*A'*/ }(); wg.Wait(); print(a) /*B*/",
            "A happens before B through the Done that Wait observed; the goroutine's exit is not an event, so A' (after Done) is concurrent with B",
            HappensBeforeOrder.FirstBeforeSecond,
            detector =>
            {
                var a = new TrackedVariable<string>(detector, "a", string.Empty);
                var wg = new TrackedWaitGroup(detector, "wg");
                wg.Add(1);
                detector.Go("worker", () =>
                {
                    a.Write("hello");
                    detector.Event(A);
                    wg.Done();
                    detector.Event("A'");
                });
                wg.Wait();
                detector.Event(B);
                _ = a.Read();
            },
            Extra: ("A'", B, HappensBeforeOrder.Concurrent, "the worker's statement after Done vs B")),

        new(9, "select fires a receive",
            "go func() { a = \"hello\" /*A*/; c <- 0 }(); select { case <-c: print(a) /*B*/; case <-quit: }",
            "A happens before B: the case that fires is a receive, and the send is before it completes",
            HappensBeforeOrder.FirstBeforeSecond,
            detector =>
            {
                var a = new TrackedVariable<string>(detector, "a", string.Empty);
                var c = new TrackedChannel<int>(detector, capacity: 0, name: "c");
                var quit = new TrackedChannel<int>(detector, capacity: 0, name: "quit");
                detector.Go("f", () =>
                {
                    a.Write("hello");
                    detector.Event(A);
                    c.Send(0);
                });
                if (TrackedSelect.Select(c.ReceiveCase(), quit.ReceiveCase()) == 0)
                {
                    detector.Event(B);
                    _ = a.Read();
                }
            }),

        new(10, "select woken by close",
            "go func() { a = \"hello\" /*A*/; close(c) }(); select { case <-c: print(a) /*B*/; case <-other: }",
            "A happens before B: a receive that returns because the channel is closed is after the close",
            HappensBeforeOrder.FirstBeforeSecond,
            detector =>
            {
                var a = new TrackedVariable<string>(detector, "a", string.Empty);
                var c = new TrackedChannel<int>(detector, capacity: 0, name: "c");
                var other = new TrackedChannel<int>(detector, capacity: 0, name: "other");
                detector.Go("f", () =>
                {
                    a.Write("hello");
                    detector.Event(A);
                    c.Close();
                });
                if (TrackedSelect.Select(c.ReceiveCase(), other.ReceiveCase()) == 0)
                {
                    detector.Event(B);
                    _ = a.Read();
                }
            }),

        new(11, "select default: no edge",
            "c := make(chan int, 1); go func() { a = \"hello\" /*A*/; c <- 0 }(); select { case <-c: ; default: print(a) /*B*/ }",
            "A and B are concurrent: the default case fired, a non-blocking receive that finds nothing synchronises with nothing",
            HappensBeforeOrder.Concurrent,
            detector =>
            {
                var a = new TrackedVariable<string>(detector, "a", string.Empty);
                var c = new TrackedChannel<int>(detector, capacity: 1, name: "c");
                // Untracked: the select really runs before the send. Not disposed here: f may still be inside
                // Wait when this body returns (Run waits for f afterwards).
                var selected = new ManualResetEventSlim();
                detector.Go("f", () =>
                {
                    a.Write("hello");
                    detector.Event(A);
                    selected.Wait();
                    c.Send(0);
                });
                int fired = TrackedSelect.SelectOrDefault(c.ReceiveCase());
                selected.Set();
                if (fired == -1)
                {
                    detector.Event(B);
                    _ = a.Read();
                }
            }),
    ];

    /// <summary>The scenario with that number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No scenario has that number.</exception>
    public static QuizScenario Get(int number) =>
        Scenarios.FirstOrDefault(s => s.Number == number)
            ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"The scenarios are numbered {string.Join(", ", Scenarios.Select(s => s.Number))}.");

    /// <summary>Runs one scenario on a fresh detector and asks it about A and B.</summary>
    public static QuizResult Run(QuizScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var detector = new VectorClockDetector(new RaceDetectorOptions { KeepAccessStacks = false, RecordEdges = true, RunTimeout = TimeSpan.FromSeconds(30) });
        detector.Run("main", () => scenario.Body(detector));
        OrderAnswer answer = detector.Order(A, B);
        OrderAnswer? extra = scenario.Extra is { } question ? detector.Order(question.First, question.Second) : null;
        return new QuizResult(scenario, answer, extra, detector.Races, detector.Edges);
    }
}
