using System.Globalization;
using ActorConcurrency.Demonstrations;
using Spectre.Console;

namespace ActorConcurrency.Host.Tasks;

/// <summary>How tasks 7, 8, 10 and 12 print their quick timings (<see cref="QuickMeasurement"/>): the cells, and the caveat under the table.</summary>
internal static class IndicativeTimings
{
    /// <summary>Nanoseconds, one decimal.</summary>
    public static string Ns(double ns) => ns.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A ratio of times, green when the challenger is faster than the baseline.</summary>
    public static string Ratio(double ratio) =>
        (ratio < 1 ? "[green]" : "[yellow]") + ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x[/]";

    /// <summary>The line under every indicative table, naming the benchmark class that measures it properly.</summary>
    public static void PrintCaveat(IAnsiConsole console, string benchmarkClass) =>
        console.MarkupLine(
            $"[grey]Indicative only: a quick in-process measurement (best of {QuickMeasurement.Repeats}) on a machine that may be busy" +
            (QuickMeasurement.Unoptimised ? ", of a Debug build (add -c Release to dotnet run for optimised code)" : "") + ". " +
            $"For real figures run [bold]dotnet run -c Release --project bench -- --filter '*{Markup.Escape(benchmarkClass)}*'[/] " +
            "and see docs/benchmarks.md, whose verdicts hold where this table disagrees.[/]");
}
