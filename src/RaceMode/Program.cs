using ActorConcurrency.RaceMode.Loading;

namespace ActorConcurrency.RaceMode;

/// <summary>
/// The <c>race-mode</c> tool: <c>race-mode exec [options] App.dll [args]</c> runs a console app under race mode,
/// <c>race-mode test [options] Tests.dll [--filter EXPR]</c> an xunit v2 test assembly (see docs/race-mode.md).
/// </summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case [] or ["-h" or "--help" or "help"]:
                (args.Length == 0 ? error : output).Write(Usage);
                return args.Length == 0 ? RaceExec.BadInput : 0;
            case ["test", .. var rest]:
                return Testing.RaceTest.Run(rest, output, error);
            case ["exec", ..]:
                return RaceExec.Run(args, output, error);
            case [var first, ..] when first.EndsWith(".dll", StringComparison.OrdinalIgnoreCase):
                return RaceExec.Run(args, output, error); // the form before there were commands: race-mode App.dll
            default:
                error.WriteLine($"race-mode: unknown command '{args[0]}': use exec (a console app) or test (an xunit v2 test assembly); race-mode --help lists the options");
                return RaceExec.BadInput;
        }
    }

    private static string Usage =>
        "usage: race-mode exec [options] App.dll [args...]   run a console app (net10.0) under race mode\n" +
        "       race-mode test [options] Tests.dll            run an xunit v2 test assembly (net10.0) under race mode\n" +
        "options (also as RACE_MODE_OPTIONS=\"key=value ...\"):\n" +
        string.Concat(RaceOptions.Table.Select(o => $"  {o.Option + " " + o.Value,-28} {o.Key,-18} {o.Meaning}\n")) +
        $"  {"--filter EXPR",-28} {"(test only)",-18} run only the tests whose full name contains EXPR (or matches it, with * wildcards)\n" +
        "exit codes: 66 (or exitcode) a race was found; 2 bad command line or input; otherwise the app's or the test run's own\n";
}
