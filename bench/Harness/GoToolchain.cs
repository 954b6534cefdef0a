using System.ComponentModel;
using System.Diagnostics;

namespace ActorConcurrency.Bench.Harness;

/// <summary>
/// The Go toolchain as the benchmarks use it for their peers: the module <c>bench/go</c> (found from the working
/// directory up), and <c>go</c> run with a time limit. Nothing here needs Go installed: a missing toolchain is a
/// result the callers turn into a skip with its reason.
/// </summary>
internal static class GoToolchain
{
    /// <summary>Why a Go side is skipped when <c>go</c> cannot be started.</summary>
    public const string MissingReason = "no `go` toolchain on PATH (Debian: apt-get install golang-go)";

    /// <summary>What one run of a Go command gave.</summary>
    /// <param name="ExitCode">Its exit code (-1 when it was killed at the time limit).</param>
    /// <param name="Output">Its standard output.</param>
    /// <param name="Errors">Its standard error.</param>
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        /// <summary>Whether it exited with 0.</summary>
        public bool Succeeded => ExitCode == 0;

        /// <summary>The last line of its standard error (or output), to say why it failed.</summary>
        public string Reason =>
            (Errors.Length > 0 ? Errors : Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {ExitCode}";
    }

    /// <summary>The Go module of the peers (<c>bench/go</c>, holding <c>go.mod</c>), searched from the working directory up; null when absent.</summary>
    public static string? ModuleFolder()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "bench", "go");
            if (File.Exists(Path.Combine(candidate, "go.mod")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Runs <paramref name="file"/> (<c>go</c>, or a test binary it built) with <paramref name="arguments"/> in
    /// <paramref name="folder"/>; null when the program cannot be started (not on PATH).
    /// </summary>
    public static Result? Run(string file, IEnumerable<string> arguments, string folder, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process? process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Result(-1, output.GetAwaiter().GetResult(), $"killed after {limit.TotalMinutes:0} min");
            }

            return new Result(process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
        }
        catch (Win32Exception)
        {
            return null; // no such program
        }
    }

    /// <summary><c>go version</c>'s answer (e.g. <c>go1.19.8 linux/amd64</c>), or null without a toolchain.</summary>
    public static string? Version() =>
        Run("go", ["version"], Directory.GetCurrentDirectory(), TimeSpan.FromSeconds(30)) is { Succeeded: true } result
            ? result.Output.Trim().Replace("go version ", "", StringComparison.Ordinal)
            : null;
}
