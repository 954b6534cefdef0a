using System.CommandLine;
using ActorConcurrency.Host.BenchReport;
using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>bench-report [--results DIR]... [--output DIR]</c>: reads BenchmarkDotNet's full JSON exports and writes
/// <c>docs/benchmarks.md</c> with one table and one PNG chart per comparison group. With no results it
/// says where it looked (one line on stderr) and exits 2; a malformed file is named on stderr and the others are
/// still reported (exit 1). <c>bench-report --compare OLD NEW [--out FILE]</c> compares two result folders instead
/// (benchstat's job, <see cref="ResultsComparison"/>): a table on the console, Markdown to FILE.
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
            Description = $"Folder(s) searched recursively for *{BenchmarkResultsReader.FullJsonSuffix} and the Go peers' *{GoPeerResultsReader.Suffix} (default: {string.Join(" and ", DefaultResultFolders)})",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--output")
        {
            Description = "Folder for benchmarks.md and its charts",
            DefaultValueFactory = _ => "docs",
        };
        var compare = new Option<string[]>("--compare")
        {
            Description = "Compare two result folders instead of writing the report: per benchmark old and new median, change with its 99.9% interval, p-value (~ = no measurable difference), and the geometric mean",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
            HelpName = "OLD NEW",
        };
        var outFile = new Option<string?>("--out")
        {
            Description = "With --compare: also write the comparison as Markdown to this file",
        };
        var command = new Command("bench-report", "Write docs/benchmarks.md and a PNG chart per comparison group from BenchmarkDotNet's JSON results, or compare two result folders (--compare)")
        {
            results,
            output,
            compare,
            outFile,
        };
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(compare) is [string oldFolder, string newFolder])
            {
                return Compare(console, oldFolder, newFolder, parseResult.GetValue(outFile));
            }

            if (parseResult.GetValue(outFile) is not null)
            {
                return console.BadInput("--out goes with --compare OLD NEW; the report itself is written to --output.");
            }

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

    /// <summary><c>--compare</c>: both folders must hold results; a file that cannot be read is named and the rest compared (exit 1).</summary>
    private static int Compare(HostConsole console, string oldFolder, string newFolder, string? markdownFile)
    {
        var sides = new List<BenchmarkResults>();
        foreach (string folder in new[] { oldFolder, newFolder })
        {
            if (!Directory.Exists(folder))
            {
                return console.BadInput($"--compare: no folder {Path.GetFullPath(folder)}");
            }

            BenchmarkResults read = BenchmarkResultsReader.Read([folder]);
            foreach (string error in read.Errors)
            {
                console.Error.WriteLine($"error: {error}");
            }

            if (read.Rows.Count == 0)
            {
                return console.BadInput($"--compare: no benchmark results under {Path.GetFullPath(folder)} (found {read.Files.Count} *{BenchmarkResultsReader.FullJsonSuffix} file(s))");
            }

            sides.Add(read);
        }

        ComparisonRule rule = ComparisonRule.Default;
        ResultsComparison comparison = ResultsComparison.Of(sides[0], sides[1], rule);
        console.Output.Write(ResultsComparisonWriter.Table(comparison, rule, oldFolder, newFolder));
        foreach (string line in ResultsComparisonWriter.Footnotes(comparison))
        {
            console.Output.MarkupLine(Markup.Escape(line));
        }

        if (markdownFile is not null)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(markdownFile)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(markdownFile, ResultsComparisonWriter.Markdown(comparison, rule, oldFolder, newFolder));
            console.Output.MarkupLine(Markup.Escape($"Wrote {markdownFile}: {comparison.Benchmarks.Count} benchmark(s) compared."));
        }

        return sides.Any(s => s.Errors.Count > 0) ? ExitCodes.DemonstrationFailed : ExitCodes.Ok;
    }
}
