using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActorConcurrency.Host;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;
using Spectre.Console.Testing;

namespace ActorConcurrency.Tests.Catalog;

/// <summary>
/// What a user of a dotnet CLI expects of the host: tables that fit the terminal, help that says each default once
/// and which task reads an option, --quiet and --verbosity where they mean something, --json, tour ranges, and Ctrl+C
/// that stops with 130.
/// </summary>
public sealed class HostCliSpec
{
    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task List_fits_the_width_without_breaking_an_identifier(int width)
    {
        HostRun run = await HostRun.RunAtWidthAsync(width, "list");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.All(Lines(run.Output), line => Assert.True(line.Length <= width, $"{line.Length} columns: {line}"));
        Assert.All(TaskCatalog.All, t =>
        {
            Assert.Contains(t.Info.Title, run.Output);
            Assert.Contains(t.Info.Topic, run.Output);
            Assert.Contains(t.Info.Benchmark, run.Output);
        });
        Assert.True(Lines(run.Output).Length <= TaskCatalog.All.Count * 2 + 6, "list is one or two lines per task");
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task List_n_shows_one_task_whole_within_the_width(int width)
    {
        foreach (CatalogTask task in TaskCatalog.All)
        {
            HostRun run = await HostRun.RunAtWidthAsync(width, "list", task.Info.Number.ToString());

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.All(Lines(run.Output), line => Assert.True(line.Length <= width, $"{line.Length} columns: {line}"));
            Assert.All(task.Info.Specs.Concat(task.Options.Select(o => o.Name)), name => Assert.Contains(name, run.Output));
        }
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task Every_help_text_fits_the_width_and_breaks_lines_only_between_words(int width)
    {
        RootCommand root = Program.BuildRoot(new HostConsole(new TestConsole(), TextWriter.Null));
        string[][] commands = [[], .. root.Subcommands.Where(c => !c.Hidden).Select(c => new[] { c.Name })];
        foreach (string[] command in commands)
        {
            string[] args = [.. command, "--help"];
            HostRun unwrapped = await HostRun.RunAtWidthAsync(1000, args);
            HostRun run = await HostRun.RunAtWidthAsync(width, args);

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.All(Lines(run.Output), line => Assert.True(line.Length <= width, $"{string.Join(' ', args)}: {line.Length} columns: {line}"));
            // The same words (a long option's first column may wrap beside its description): none was cut.
            Assert.Equal(Words(unwrapped.Output).Order(), Words(run.Output).Order());
        }
    }

    [Fact]
    public async Task Run_help_prints_each_default_once_and_the_tasks_that_read_each_option()
    {
        HostRun run = await HostRun.RunAtWidthAsync(300, "run", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain("(default", run.Output);
        string[] options = Lines(run.Output).Where(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)).ToArray();
        Assert.All(options, line => Assert.True(line.Split("[default:").Length <= 2, line));
        Assert.Contains(options, l => l.Contains("--reloads") && l.Contains("(task 6)") && l.Contains("[default: 20000]"));
        Assert.Contains(options, l => l.Contains("--threads") && l.Contains("(tasks 5, 6, 13)"));
    }

    [Fact]
    public async Task Root_help_shows_optional_arguments_as_optional_and_list_promises_only_its_columns()
    {
        HostRun run = await HostRun.RunAtWidthAsync(300, "--help");

        Assert.Contains("hb [<scenario>]", run.Output);
        Assert.Contains("tour [<tasks>...]", run.Output);
        Assert.Contains("list [<task>]", run.Output);
        Assert.DoesNotContain("status", run.Output);
    }

    [Fact]
    public async Task Race_help_shows_the_apps_arguments_as_optional()
    {
        HostRun run = await HostRun.RunAtWidthAsync(300, "race", "--help");

        Assert.Contains("exec <app> [<args>...]", run.Output);
        Assert.Contains("run <task>", run.Output);
    }

    /// <summary>A default in the description and System.CommandLine's [default: …] once said it twice (bench-report --output).</summary>
    [Fact]
    public async Task Every_help_states_each_default_at_most_once()
    {
        RootCommand root = Program.BuildRoot(new HostConsole(new TestConsole(), TextWriter.Null));
        foreach (string[] command in VisibleCommands(root, []))
        {
            HostRun help = await HostRun.RunAtWidthAsync(1000, [.. command, "--help"]);

            string[] options = Lines(help.Output).Where(l => l.TrimStart().StartsWith('-')).ToArray();
            Assert.NotEmpty(options);
            Assert.All(options, line => Assert.True(
                Regex.Count(line, @"\(default|\[default:", RegexOptions.IgnoreCase) <= 1, $"{string.Join(' ', command)} --help: {line}"));
        }
    }

    /// <summary>
    /// --verbosity and --quiet change what the tour (with no command, or tour) and run print and nothing else, so only
    /// they offer them, each saying what they mean there: the help of every other command (node, chaos, race exec,
    /// bench-report, profile, ...), which prints the same at every level, once promised "one line per task" too.
    /// </summary>
    [Fact]
    public async Task Only_the_tour_and_run_offer_verbosity_and_each_says_what_it_means_there()
    {
        RootCommand root = Program.BuildRoot(new HostConsole(new TestConsole(), TextWriter.Null));
        foreach (string[] command in VisibleCommands(root, []))
        {
            HostRun help = await HostRun.RunAtWidthAsync(1000, [.. command, "--help"]);
            string name = command.Length == 0 ? "(no command)" : string.Join(' ', command);
            string? quiet = Lines(help.Output).FirstOrDefault(l => l.Contains("--quiet", StringComparison.Ordinal));
            string? verbosity = Lines(help.Output).FirstOrDefault(l => l.Contains("--verbosity", StringComparison.Ordinal));

            Assert.Equal(ExitCodes.Ok, help.ExitCode);
            switch (command)
            {
                case [] or ["tour"]:
                    Assert.True(quiet is not null && verbosity is not null, $"{name} offers --quiet and --verbosity");
                    Assert.Contains("One line per task", quiet);
                    Assert.Contains("one line per task", verbosity);
                    Assert.Contains("then the summary", verbosity);
                    Assert.Contains("stack trace", verbosity);
                    break;
                case ["run"]:
                    Assert.True(quiet is not null && verbosity is not null, "run offers --quiet and --verbosity");
                    Assert.Contains("the task's verdict and evidence", quiet);
                    Assert.Contains("the task's verdict and evidence", verbosity);
                    Assert.DoesNotContain("per task", quiet + verbosity); // run runs one task
                    Assert.Contains("stack trace", verbosity);
                    break;
                default:
                    Assert.True(quiet is null && verbosity is null, $"{name} prints the same at every level, yet its help offers: {quiet ?? verbosity}");
                    break;
            }
        }
    }

    [Theory]
    [InlineData("list", "-q")]
    [InlineData("-q", "list")]
    [InlineData("list", "--verbosity", "detailed")]
    [InlineData("hb", "1", "--quiet")]
    [InlineData("-v", "q", "hb", "1")]
    [InlineData("list", "--verbosity")]
    public async Task Verbosity_on_a_command_that_does_not_take_it_is_refused_with_one_line(params string[] args)
    {
        HostRun run = await HostRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        string error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        string option = args.First(a => a.StartsWith('-')) is "-q" or "--quiet" ? "--quiet" : "--verbosity";
        Assert.Contains($"{option} does not apply to {(args.Contains("list") ? "list" : "hb")}", error);
    }

    [Fact]
    public async Task Run_quiet_prints_one_line_with_the_verdict_and_detailed_prints_the_tables()
    {
        HostRun quiet = await HostRun.RunAsync("run", "2", "--runs", "2", "-q");
        HostRun detailed = await HostRun.RunAsync("run", "2", "--runs", "2", "--verbosity", "d");

        Assert.Equal(ExitCodes.Ok, quiet.ExitCode);
        Assert.StartsWith(" 2 Fix with an atomic: held — ", Assert.Single(Lines(quiet.Output)));
        Assert.Equal(ExitCodes.Ok, detailed.ExitCode);
        Assert.Contains("╭", detailed.Output);
    }

    [Theory]
    [InlineData("--runs", "many", "whole number")]
    [InlineData("--runs", "2.5", "whole number")]
    [InlineData("--transfer-seconds", "soon", "number")]
    public async Task A_value_that_is_not_a_number_is_refused_in_words(string option, string value, string expected)
    {
        string task = option == "--runs" ? "1" : "19";
        HostRun run = await HostRun.RunAsync("run", task, option, value);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"{option} takes a {expected}, got '{value}'", run.Error);
        Assert.DoesNotContain("System.", run.Error);
    }

    [Fact]
    public async Task Tour_runs_a_range_and_single_tasks_in_the_order_given()
    {
        HostRun run = await HostRun.RunAsync("tour", "3-4", "2", "--quiet", "--runs", "2");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode); // tour takes no task options: they belong to run

        run = await HostRun.RunAsync("tour", "3-4", "2", "--quiet");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        string[] lines = Lines(run.Output);
        Assert.Equal(3, lines.Count(l => l.Contains(": held")));
        Assert.StartsWith(" 3 Fix with a mutex: held", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(" 4 Fix with a channel: held", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(" 2 Fix with an atomic: held", StringComparison.Ordinal));
        Assert.DoesNotContain("╭", run.Output); // --quiet: no tables
    }

    [Theory]
    [InlineData("tour", "0-3")]
    [InlineData("tour", "5-2")]
    [InlineData("tour", "x")]
    [InlineData("tour", "21")]
    [InlineData("--verbosity", "loud")]
    [InlineData("list", "21")]
    [InlineData("race", "run", "abc")]
    [InlineData("race", "run", "7")]
    public async Task Bad_ranges_and_levels_exit_2_with_one_line(params string[] args)
    {
        HostRun run = await HostRun.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("System.", run.Error); // in words, not a CLR type name
    }

    [Fact]
    public async Task Json_prints_one_object_per_task_with_its_verdict_and_figures()
    {
        HostRun run = await HostRun.RunAsync("run", "2", "--runs", "2", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        string line = Assert.Single(Lines(run.Output));
        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement task = json.RootElement;
        Assert.Equal(2, task.GetProperty("task").GetInt32());
        Assert.Equal("held", task.GetProperty("verdict").GetString());
        JsonElement result = task.GetProperty("result"); // the experiment's record itself, not its table read back
        Assert.Equal(2, result.GetProperty("runs").GetInt32());
        Assert.Equal(2, result.GetProperty("forms").GetArrayLength());
        Assert.All(result.GetProperty("forms").EnumerateArray(), form =>
        {
            Assert.Equal(1000, form.GetProperty("expected").GetInt32());
            Assert.Equal([1000, 1000], form.GetProperty("perRun").EnumerateArray().Select(t => t.GetInt32()));
            Assert.Equal(0, form.GetProperty("runsWithLostUpdates").GetInt32());
        });
    }

    [Fact]
    public void Json_of_a_demonstration_that_threw_says_so_and_names_the_exception()
    {
        string line = TaskResultJson.Line(TaskCatalog.Get(2).Info, new DemonstrationFailure("InvalidOperationException", "boom"), TimeSpan.FromSeconds(1.234));

        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement task = json.RootElement;
        Assert.Equal(("did not hold", false), (task.GetProperty("verdict").GetString(), task.GetProperty("held").GetBoolean()));
        Assert.Equal("failed: InvalidOperationException: boom", task.GetProperty("evidence").GetString());
        Assert.Equal(1.23, task.GetProperty("seconds").GetDouble());
        Assert.Equal("InvalidOperationException", task.GetProperty("result").GetProperty("exception").GetString());
        Assert.False(task.TryGetProperty("notObserved", out _));
    }

    [Fact]
    public async Task List_json_is_one_object_per_task()
    {
        HostRun run = await HostRun.RunAsync("list", "--json");

        string[] lines = Lines(run.Output);
        Assert.Equal(TaskCatalog.All.Count, lines.Length);
        Assert.All(lines.Zip(TaskCatalog.All, (First, Second) => (First, Second)), pair =>
        {
            using JsonDocument json = JsonDocument.Parse(pair.First);
            Assert.Equal(pair.Second.Info.Benchmark, json.RootElement.GetProperty("benchmark").GetString());
        });
    }

    [Fact]
    public async Task Ctrl_c_during_a_demonstration_exits_130_and_shows_the_cursor_again()
    {
        HostRun run = await HostRun.RunAndInterruptAsync(output => output.Contains("Task 1:"), "run", "1", "--runs", "100000");

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Equal("interrupted (Ctrl+C)", run.Error.Trim());
        Assert.Contains("\u001b[?25h", run.Output);
        Assert.DoesNotContain("did not hold", run.Output);
    }

    [Fact]
    public async Task Ctrl_c_while_task_19_loads_its_cluster_stops_the_node_and_exits_130()
    {
        HostRun run = await HostRun.RunAndInterruptAsync(output => output.Contains("region ready"),
            "run", "19", "--transfer-seconds", "0.2", "--sharded-increments", "10000000");

        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
        Assert.Equal("interrupted (Ctrl+C)", run.Error.Trim()); // it stopped within the grace period, not abandoned
        Assert.DoesNotContain("failed:", run.Output);
    }

    /// <summary>The command paths a user can ask help of: none (the root), each visible command, and theirs.</summary>
    private static IEnumerable<string[]> VisibleCommands(Command command, string[] path)
    {
        yield return path;
        foreach (Command sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (string[] deeper in VisibleCommands(sub, [.. path, sub.Name]))
            {
                yield return deeper;
            }
        }
    }

    private static string[] Words(string text) => text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static string[] Lines(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
}
