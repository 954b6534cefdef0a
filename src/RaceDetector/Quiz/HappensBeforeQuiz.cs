using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Sync;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Quiz;

/// <summary>
/// The seven scenarios of the happens-before quiz (task 20), each a small Go program rewritten with tracked
/// primitives. Event A is a write of <c>a</c>, event B a read of it; the detector's clocks decide whether A
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

    /// <summary>The seven scenarios, in order.</summary>
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
    ];

    /// <summary>The scenario with that number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 1–7.</exception>
    public static QuizScenario Get(int number) =>
        number >= 1 && number <= Scenarios.Count
            ? Scenarios[number - 1]
            : throw new ArgumentOutOfRangeException(nameof(number), number, $"There are {Scenarios.Count} scenarios, numbered 1 to {Scenarios.Count}.");

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
