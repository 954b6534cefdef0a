using System.Diagnostics;
using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Testing;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// <c>race-mode test</c> on tests/RaceTestShapes: a race is reported under the test whose logical thread made it, and
/// only that one, whichever runs first and in parallel collections (golang/go#58634: go test -json names the test
/// running when a race is found, not the one that caused it); Go's options and suppressions apply.
/// </summary>
[Collection(RaceModeCollection.Name)]
public sealed class RaceTestSpec : IDisposable
{
    private const string Shapes = "ActorConcurrency.RaceTestShapes.";

    private readonly string _folder = Directory.CreateTempSubdirectory("race-test-").FullName;

    /// <summary>tests/RaceTestShapes built in this configuration, from its bin folder (its xunit beside it).</summary>
    internal static string ShapesAssembly
    {
        get
        {
            var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepositoryFiles.Root, "tests", "RaceTestShapes", "bin", bin.Parent!.Name, bin.Name, "ActorConcurrency.RaceTestShapes.dll");
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_race_found_after_the_racy_test_returned_while_the_next_test_runs_is_named_under_the_racy_test_only()
    {
        TestRun run = TestRun.InProcess("RacyThenQuiet");

        Assert.True(run.ExitCode == RaceOptions.DefaultExitCode, run.Output);
        Assert.Equal(1, run.Reports);
        Assert.Contains($"in test {Shapes}RacyThenQuiet.A_racy_leaves_a_writer_behind:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("in test " + Shapes + "RacyThenQuiet.B_quiet", run.Output, StringComparison.Ordinal);
        Assert.Contains($"--- RACE: {Shapes}RacyThenQuiet.A_racy_leaves_a_writer_behind", run.Output, StringComparison.Ordinal);
        Assert.Contains($"--- PASS: {Shapes}RacyThenQuiet.B_quiet_runs_while_the_writer_races", run.Output, StringComparison.Ordinal);
        // It ran in the order the shapes ask, so the race really was found while the quiet test ran.
        Assert.True(run.Output.IndexOf("--- PASS: " + Shapes + "RacyThenQuiet.A_racy", StringComparison.Ordinal) < run.Output.IndexOf("WARNING: DATA RACE", StringComparison.Ordinal), run.Output);
    }

    [Fact]
    public void With_the_quiet_test_first_the_race_is_named_under_the_racy_test_only()
    {
        TestRun run = TestRun.InProcess("QuietThenRacy");

        Assert.True(run.ExitCode == RaceOptions.DefaultExitCode, run.Output);
        Assert.Equal(1, run.Reports);
        Assert.Contains($"in test {Shapes}QuietThenRacy.B_racy_two_tasks_write_one_field:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("in test " + Shapes + "QuietThenRacy.A_quiet", run.Output, StringComparison.Ordinal);
        Assert.Contains($"--- RACE: {Shapes}QuietThenRacy.B_racy_two_tasks_write_one_field", run.Output, StringComparison.Ordinal);
        Assert.Contains($"--- PASS: {Shapes}QuietThenRacy.A_quiet_counts_alone", run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.IndexOf("--- PASS: " + Shapes + "QuietThenRacy.A_quiet", StringComparison.Ordinal) < run.Output.IndexOf("WARNING: DATA RACE", StringComparison.Ordinal), run.Output);
    }

    [Fact]
    public void In_parallel_collections_the_race_is_named_under_the_racy_test_only()
    {
        TestRun run = TestRun.InProcess("ParallelRacy|ParallelQuiet");

        Assert.True(run.ExitCode == RaceOptions.DefaultExitCode, run.Output);
        Assert.Equal(1, run.Reports);
        Assert.Contains($"in test {Shapes}ParallelRacy.Racy_in_parallel_two_tasks_write_one_field:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("in test " + Shapes + "ParallelQuiet", run.Output, StringComparison.Ordinal);
        Assert.Contains($"--- RACE: {Shapes}ParallelRacy.Racy_in_parallel_two_tasks_write_one_field", run.Output, StringComparison.Ordinal);
        Assert.Contains($"--- PASS: {Shapes}ParallelQuiet.Quiet_in_parallel_two_tasks_lock_their_field", run.Output, StringComparison.Ordinal);
        Assert.Contains("race-mode: 2 test(s): 1 passed, 0 failed, 1 raced, 0 skipped", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_say_where_each_logical_thread_was_created_with_the_names_the_user_wrote()
    {
        TestRun run = TestRun.InProcess("QuietThenRacy.B_racy");

        Assert.Contains("created by test " + Shapes + "QuietThenRacy.B_racy_two_tasks_write_one_field", run.Output, StringComparison.Ordinal);
        Assert.Contains("QuietThenRacy.B_racy_two_tasks_write_one_field.lambda()", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<>c", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("b__", run.Output, StringComparison.Ordinal);
        Assert.Contains("QuietThenRacy.cs:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_race_a_failing_test_gives_the_runs_own_exit_code()
    {
        TestRun run = TestRun.InProcess("Failing|QuietThenRacy.A_quiet");

        Assert.True(run.ExitCode == RaceTest.TestsFailed, run.Output);
        Assert.Contains($"--- FAIL: {Shapes}Failing.Fails_without_a_race", run.Output, StringComparison.Ordinal);
        Assert.Contains("Assert.Equal() Failure", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, run.Reports);
    }

    [Fact]
    public void Exitcode_replaces_66()
    {
        TestRun run = TestRun.InProcess("QuietThenRacy", new RaceOptions { ExitCode = 3 });

        Assert.True(run.ExitCode == 3, run.Output);
    }

    [Fact]
    public void Strip_path_prefix_cuts_the_repository_from_every_source_path()
    {
        string prefix = RepositoryFiles.Root + Path.DirectorySeparatorChar;

        TestRun run = TestRun.InProcess("QuietThenRacy", new RaceOptions { StripPathPrefix = prefix });

        Assert.Contains("      tests/RaceTestShapes/QuietThenRacy.cs:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(prefix, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_path_writes_the_reports_to_one_file_for_the_process_and_not_to_the_console()
    {
        string log = Path.Combine(_folder, "race");

        TestRun run = TestRun.InProcess("QuietThenRacy", new RaceOptions { LogPath = log });

        string file = $"{log}.{Environment.ProcessId}";
        Assert.True(File.Exists(file), run.Output);
        string written = File.ReadAllText(file);
        Assert.Contains("WARNING: DATA RACE", written, StringComparison.Ordinal);
        Assert.Contains("Found 1 data race(s)", written, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING: DATA RACE", run.Output, StringComparison.Ordinal);
        Assert.Contains($"race report(s) written to {file}", run.Output, StringComparison.Ordinal);
        Assert.True(run.ExitCode == RaceOptions.DefaultExitCode, run.Output);
    }

    [Fact]
    public void A_suppression_hides_exactly_the_race_it_matches_and_no_other()
    {
        string suppressions = Path.Combine(_folder, "race.supp");
        File.WriteAllLines(suppressions, ["# the left cell's race is benign here", "race:LeftCell.Value"]);

        TestRun run = TestRun.InProcess("TwoRaces", new RaceOptions { SuppressionsPath = suppressions });

        Assert.True(run.ExitCode == RaceOptions.DefaultExitCode, run.Output);
        Assert.Equal(1, run.Reports);
        Assert.Contains("of 'RightCell.Value'", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("of 'LeftCell.Value'", run.Output, StringComparison.Ordinal);
        Assert.Contains("race-mode: suppressed 1 race(s): race:LeftCell.Value (1)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void With_every_race_suppressed_the_run_passes()
    {
        string suppressions = Path.Combine(_folder, "race.supp");
        File.WriteAllLines(suppressions, ["race:^LeftCell.Value$", "race:*Cell.Val*"]);

        TestRun run = TestRun.InProcess("TwoRaces", new RaceOptions { SuppressionsPath = suppressions });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(0, run.Reports);
        Assert.Contains($"--- PASS: {Shapes}TwoRaces.Two_fields_race", run.Output, StringComparison.Ordinal);
        Assert.Contains("race:^LeftCell.Value$ (1), race:*Cell.Val* (1)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_matching_a_function_of_the_stack_hides_the_race()
    {
        string suppressions = Path.Combine(_folder, "race.supp");
        File.WriteAllLines(suppressions, ["race:QuietThenRacy.B_racy_two_tasks_write_one_field"]);

        TestRun run = TestRun.InProcess("QuietThenRacy", new RaceOptions { SuppressionsPath = suppressions });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(0, run.Reports);
    }

    [Fact]
    public void Halt_on_error_stops_the_process_at_the_first_race_with_the_race_exit_code()
    {
        ProcessRun run = ProcessRun.Tool(["test", "--halt-on-error", ShapesAssembly, "--filter", "TwoRaces"]);

        Assert.True(run.ExitCode == RaceOptions.DefaultExitCode, run.Describe());
        Assert.Equal(1, Occurrences(run.Output, "WARNING: DATA RACE"));
        Assert.Contains("halt_on_error: stopped at the first race (in test " + Shapes + "TwoRaces.Two_fields_race)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("race-mode: 1 test(s)", run.Output, StringComparison.Ordinal); // the run never reached its summary
    }

    [Fact]
    public void Race_mode_options_in_the_environment_apply_and_the_command_line_wins()
    {
        ProcessRun run = ProcessRun.Tool(
            ["test", ShapesAssembly, "--filter", "QuietThenRacy", "--exitcode", "9"],
            ("RACE_MODE_OPTIONS", $"exitcode=7 strip_path_prefix={RepositoryFiles.Root}/"));

        Assert.True(run.ExitCode == 9, run.Describe());
        Assert.Contains("      tests/RaceTestShapes/QuietThenRacy.cs:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hosts_race_test_runs_the_tests_under_race_mode()
    {
        HostRun run = await HostRun.RunAsync("race", "test", ShapesAssembly, "--filter", "QuietThenRacy", "--exitcode", "5");

        Assert.True(run.ExitCode == 5, run.Describe());
        Assert.Contains($"--- RACE: {Shapes}QuietThenRacy.B_racy_two_tasks_write_one_field", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Exec_takes_the_same_options_a_suppressed_race_leaves_the_apps_own_exit_code()
    {
        string suppressions = Path.Combine(_folder, "race.supp");
        File.WriteAllLines(suppressions, ["race:Tally.Hits"]);
        var output = new StringWriter();

        int suppressed = RaceExec.Run(new RaceCommandLine(RacySample, [], new RaceOptions { SuppressionsPath = suppressions }, null), output, TextWriter.Null);
        int renumbered = RaceExec.Run(new RaceCommandLine(RacySample, [], new RaceOptions { ExitCode = 4 }, null), TextWriter.Null, TextWriter.Null);

        Assert.True(suppressed == 0, output.ToString());
        Assert.DoesNotContain("WARNING: DATA RACE", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("race-mode: suppressed 1 race(s): race:Tally.Hits (1)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, renumbered);
    }

    /// <summary>samples/RacySample built in this configuration.</summary>
    private static string RacySample => Path.Combine(Path.GetDirectoryName(ShapesAssembly)!.Replace(Path.Combine("tests", "RaceTestShapes"), Path.Combine("samples", "RacySample"), StringComparison.Ordinal), "ActorConcurrency.RacySample.dll");

    private static int Occurrences(string text, string what) => text.Split(what).Length - 1;

    /// <summary>One in-process race-mode test run of the shapes.</summary>
    private sealed record TestRun(int ExitCode, string Output)
    {
        public int Reports => Occurrences(Output, "WARNING: DATA RACE");

        public static TestRun InProcess(string filter, RaceOptions? options = null)
        {
            var output = new StringWriter();
            int exit = RaceTest.Run(new RaceCommandLine(ShapesAssembly, [], options ?? new RaceOptions(), filter), TextWriter.Synchronized(output), _ => throw new InvalidOperationException("halted in process"));
            return new TestRun(exit, output.ToString());
        }
    }
}

/// <summary>The race-mode tool run as a child process (<c>dotnet ActorConcurrency.RaceMode.dll</c>), for what ends a process.</summary>
internal sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    public static ProcessRun Tool(string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(RaceExec).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove(RaceOptions.EnvironmentVariable);
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"race-mode {string.Join(' ', args)} did not finish in 3 minutes");
        }

        return new ProcessRun(process.ExitCode, output.Result, error.Result);
    }

    public string Describe() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
