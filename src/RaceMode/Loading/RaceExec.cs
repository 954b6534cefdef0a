using System.Reflection;
using System.Runtime.ExceptionServices;
using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Runtime;

namespace ActorConcurrency.RaceMode.Loading;

/// <summary>
/// <c>exec App.dll [args]</c>: rewrites a console app (its assembly and the assemblies beside it that are not the
/// framework's or well-known packages') into a temporary folder, runs its entry point under race mode and prints
/// each race as it is found. Exit codes: the app's own code when no race was found, <see cref="RacesFound"/>
/// (66, as Go's <c>-race</c>) when one was, <see cref="BadInput"/> (2) for a bad command line.
/// </summary>
public static class RaceExec
{
    /// <summary>Go's exit status for a program in which the race detector found a race.</summary>
    public const int RacesFound = 66;

    /// <summary>The command line was wrong (one stderr line says why).</summary>
    public const int BadInput = 2;

    /// <summary>The app ended with an unhandled exception: the runtime's status for it on Unix (SIGABRT).</summary>
    public const int UnhandledException = 134;

    private static readonly string[] s_notRewritten =
    [
        "System.", "Microsoft.", "testhost", "Mono.Cecil", "ActorConcurrency.RaceMode", "ActorConcurrency.RaceDetector", "netstandard",
        "xunit", "Newtonsoft.", "NuGet.", "Akka", "Spectre.", "BenchmarkDotNet", "CsCheck", "Google.", "Grpc.", "Npgsql", "SQLitePCLRaw",
    ];

    /// <summary>Runs the command line <c>[exec] [options] App.dll [args]</c>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["exec", .. var rest])
        {
            args = rest;
        }

        try
        {
            return Run(RaceCommandLine.Parse("exec", args, Environment.GetEnvironmentVariable(RaceOptions.EnvironmentVariable)), output, error);
        }
        catch (RaceInputException e)
        {
            error.WriteLine($"race-mode: {e.Message}");
            return BadInput;
        }
    }

    /// <summary>Runs a parsed command line; bad input throws <see cref="RaceInputException"/> (one line, exit <see cref="BadInput"/>).</summary>
    /// <exception cref="RaceInputException">The app cannot be run under race mode (the message says why and what to do).</exception>
    /// <param name="line">The app, its arguments and the race options.</param>
    /// <param name="output">Where reports and the summary go (unless log_path says a file).</param>
    /// <param name="error">Where the app's unhandled exception goes.</param>
    /// <param name="halt">Ends the process under halt_on_error (<see cref="Environment.Exit"/> by default).</param>
    public static int Run(RaceCommandLine line, TextWriter output, TextWriter error, Action<int>? halt = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        TargetAssembly target = TargetAssembly.Inspect(line.Assembly, "console app");
        target.RequireSupportedFramework();
        if (!target.HasEntryPoint)
        {
            throw new RaceInputException(
                $"{Path.GetFileName(target.Path)} has no entry point (it is a class library): exec runs a console app; for a test project use 'race-mode test {line.Assembly}'");
        }

        target.RequireDependencies();
        RaceSuppressions suppressions = RaceSuppressions.Load(line.Options.SuppressionsPath);

        string app = target.Path;
        string[] rewrite = Rewritable(target);
        using RaceSandbox sandbox = RaceSandbox.Create(rewrite, target.Folder);
        Assembly assembly = sandbox.Load(target.Name);
        MethodInfo entry = assembly.EntryPoint ?? throw new RaceInputException($"{app} has no entry point (is it a console app?)");
        output.WriteLine($"race mode: rewrote {rewrite.Length} assembly(ies), {sandbox.Instrumented} accesses and calls instrumented");

        object?[] parameters = entry.GetParameters().Length == 0 ? [] : [line.Arguments.ToArray()];
        int exitCode = 0;
        ExceptionDispatchInfo? crash = null;
        using var reporter = new RaceReporter(line.Options, output, suppressions, halt);
        RaceDetectorOptions detector = RaceSession.DefaultOptions with { OnRace = report => reporter.Report(report) };
        RaceRun run = RaceSession.Run(
            () =>
            {
                try
                {
                    object? result = entry.Invoke(null, parameters);
                    exitCode = result switch
                    {
                        int code => code,
                        Task<int> task => task.GetAwaiter().GetResult(),
                        Task task => Wait(task),
                        _ => 0,
                    };
                }
                catch (Exception e)
                {
                    // The app's own failure: reported as the runtime would, after the races it made.
                    crash = ExceptionDispatchInfo.Capture(e is TargetInvocationException { InnerException: { } inner } ? inner : e);
                }
            },
            detector);
        reporter.WriteSummary();
        lock (output)
        {
            if (reporter.Printed == 0)
            {
                output.WriteLine("race mode: no race found");
            }

            output.WriteLine(
                $"race mode: {run.GlobalAcquisitions} wait(s) ordered blindly through the global clock (no better key), " +
                $"{run.UnboundAccesses} access(es) unchecked outside any logical thread");
        }

        if (crash is not null)
        {
            error.WriteLine($"Unhandled exception. {crash.SourceException}");
            exitCode = UnhandledException;
        }

        return reporter.Printed > 0 ? line.Options.ExitCode : exitCode;
    }

    /// <summary>
    /// The assemblies of <paramref name="target"/>'s folder to rewrite: itself and every managed assembly beside it that
    /// is not the framework's or a well-known package's.
    /// </summary>
    internal static string[] Rewritable(TargetAssembly target) =>
        Directory.GetFiles(target.Folder, "*.dll")
            .Where(f => string.Equals(f, target.Path, StringComparison.Ordinal) || !s_notRewritten.Any(p => Path.GetFileName(f).StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Where(IsManaged)
            .ToArray();

    private static int Wait(Task task)
    {
        task.GetAwaiter().GetResult();
        return 0;
    }

    private static bool IsManaged(string path)
    {
        try
        {
            _ = AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
