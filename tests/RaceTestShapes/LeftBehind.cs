namespace ActorConcurrency.RaceTestShapes;

/// <summary>
/// The racy test of <see cref="RacyThenQuiet"/> leaves a task behind that writes a while after the test returned
/// (a sleep: no edge from anyone); the quiet test, which runs next, waits until it wrote, so the race is found while
/// the quiet test runs (where Go's test2json puts it, golang/go#58634). Race mode must still name the racy test.
/// </summary>
internal static class LeftBehind
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);

    public static readonly ManualResetEventSlim Written = new();
}
