namespace ActorConcurrency.RaceMode;

/// <summary>The <c>race-mode</c> tool: <c>race-mode exec App.dll [args]</c> (see docs/race-mode.md).</summary>
internal static class Program
{
    public static int Main(string[] args) => Loading.RaceExec.Run(args, Console.Out, Console.Error);
}
