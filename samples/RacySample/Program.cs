namespace ActorConcurrency.RacySample;

/// <summary>
/// Two threads add to one plain field with no synchronisation: a data race on <see cref="Tally.Hits"/>. The result
/// is printed; it may even be right on some runs, which is why a race detector is needed to see the bug.
/// </summary>
internal static class Program
{
    public static int Main()
    {
        var tally = new Tally();
        var first = new Thread(() => tally.Add(1000));
        var second = new Thread(() => tally.Add(1000));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Console.WriteLine($"hits: {tally.Hits} (2000 expected)");
        return 0;
    }
}
