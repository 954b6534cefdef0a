using System.CommandLine;
using ActorConcurrency.Host.BenchReport;
using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>bench-report [--results DIR]... [--output DIR]</c>: reads BenchmarkDotNet's full JSON exports and writes
/// <c>docs/benchmarks.md</c> with one table and one PNG chart per comparison group. With no results it
/// says where it looked (one line on stderr) and exits 2; a malformed file is named on stderr and the others are
/// still reported (exit 1).
/// </summary>
internal sealed class BenchReportCommand : IHostCommand
{
    /// <summary>
    /// The committed raw results (so the report is reproducible from a clean clone), then where BenchmarkDotNet writes
    /// when run from the repository root and from the bench folder; the newest run of a case wins.
    /// </summary>
    internal static readonly string[] DefaultResultFolders =
    [
        Path.Combine("docs", "benchmarks", "results"),
        Path.Combine("BenchmarkDotNet.Artifacts", "results"),
        Path.Combine("bench", "BenchmarkDotNet.Artifacts", "results"),
    ];

    public Command Create(HostConsole console)
    {
        var results = new Option<string[]>("--results")
        {
            Description = $"Folder(s) searched recursively for *{BenchmarkResultsReader.FullJsonSuffix} (default: {string.Join(" and ", DefaultResultFolders)})",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--output")
        {
            Description = "Folder for benchmarks.md and its charts",
            DefaultValueFactory = _ => "docs",
        };
        var command = new Command("bench-report", "Write docs/benchmarks.md and a PNG chart per comparison group from BenchmarkDotNet's JSON results")
        {
            results,
            output,
        };
        command.SetAction(parseResult =>
        {
            string[] folders = parseResult.GetValue(results) is { Length: > 0 } given ? given : DefaultResultFolders;
            BenchmarkResults read = BenchmarkResultsReader.Read(folders);
            foreach (string error in read.Errors)
            {
                console.Error.WriteLine($"error: {error}");
            }

            foreach (string warning in read.Warnings)
            {
                console.Error.WriteLine($"warning: {warning}");
            }

            if (read.Rows.Count == 0)
            {
                // Nothing to read is bad input (wrong folder, benchmarks not run), not a failed demonstration: exit 2, one line.
                return console.BadInput(
                    $"no benchmark results to report: looked for *{BenchmarkResultsReader.FullJsonSuffix} under " +
                    string.Join(", ", folders.Select(f => $"{Path.GetFullPath(f)}{(Directory.Exists(f) ? "" : " (missing)")}")) +
                    $"; found {read.Files.Count} file(s). Run the benchmarks first: dotnet run -c Release --project bench -- --filter '*'.");
            }

            var groups = ComparisonGrouping.Group(read.Rows);
            var (page, charts) = BenchmarkReportWriter.Write(read, groups, parseResult.GetValue(output)!);
            console.Output.MarkupLine(Markup.Escape(
                $"Wrote {page}: {groups.Count} comparison groups, {read.Rows.Count} benchmarks from {read.Files.Count} file(s), {charts.Count} charts in {Path.GetDirectoryName(charts[0])}."));
            return read.Errors.Count == 0 ? ExitCodes.Ok : ExitCodes.DemonstrationFailed;
        });
        return command;
    }
}
