using System.Reflection;
using ActorConcurrency.RaceDetector.Reports;
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

    private static readonly string[] s_notRewritten =
    [
        "System.", "Microsoft.", "Mono.Cecil", "ActorConcurrency.RaceMode", "ActorConcurrency.RaceDetector", "netstandard",
        "xunit", "Newtonsoft.", "NuGet.", "Akka", "Spectre.", "BenchmarkDotNet", "CsCheck", "Google.", "Grpc.", "Npgsql", "SQLitePCLRaw",
    ];

    /// <summary>Runs the command line <c>App.dll [args]</c>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["exec", .. var rest])
        {
            args = rest;
        }

        if (args.Length == 0 || !args[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine("usage: race-mode exec path/to/App.dll [args...] (a console app built for net10.0)");
            return BadInput;
        }

        string app = Path.GetFullPath(args[0]);
        if (!File.Exists(app))
        {
            error.WriteLine($"race mode: no app at '{app}'");
            return BadInput;
        }

        string folder = Path.GetDirectoryName(app)!;
        string[] rewrite = Directory.GetFiles(folder, "*.dll")
            .Where(f => string.Equals(f, app, StringComparison.Ordinal) || !s_notRewritten.Any(p => Path.GetFileName(f).StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Where(IsManaged)
            .ToArray();
        using RaceSandbox sandbox = RaceSandbox.Create(rewrite, folder);
        Assembly assembly = sandbox.Load(Path.GetFileNameWithoutExtension(app));
        MethodInfo entry = assembly.EntryPoint ?? throw new ArgumentException($"{app} has no entry point (is it a console app?)", nameof(args));
        output.WriteLine($"race mode: rewrote {rewrite.Length} assembly(ies), {sandbox.Instrumented} accesses and calls instrumented");

        object?[] parameters = entry.GetParameters().Length == 0 ? [] : [args[1..]];
        int exitCode = 0;
        int printed = 0;
        using var printer = new Timer(_ => printed = Print(output, printed), null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200));
        RaceRun run = RaceSession.Run(() =>
        {
            object? result = entry.Invoke(null, parameters);
            exitCode = result switch
            {
                int code => code,
                Task<int> task => task.GetAwaiter().GetResult(),
                Task task => Wait(task),
                _ => 0,
            };
        });
        printer.Dispose();
        lock (output)
        {
            foreach (RaceReport race in run.Races.Skip(printed))
            {
                output.WriteLine(race.Format());
            }

            output.WriteLine(run.HasRaces ? run.Summary : "race mode: no race found");
            output.WriteLine(
                $"race mode: {run.GlobalAcquisitions} wait(s) ordered blindly through the global clock (no better key), " +
                $"{run.UnboundAccesses} access(es) unchecked outside any logical thread");
        }

        return run.HasRaces ? RacesFound : exitCode;
    }

    private static int Wait(Task task)
    {
        task.GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>Prints the races found since the last call (the session's detector is read while the app runs).</summary>
    private static int Print(TextWriter output, int printed)
    {
        if (RaceSession.Active is not { } session)
        {
            return printed;
        }

        IReadOnlyList<RaceReport> races = session.Detector.Races;
        lock (output)
        {
            for (int i = printed; i < races.Count; i++)
            {
                output.WriteLine(races[i].Format());
            }
        }

        return Math.Max(printed, races.Count);
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
