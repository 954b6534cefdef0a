using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Commands;
using ActorConcurrency.Tests.Support;
using Spectre.Console;

namespace ActorConcurrency.Tests.Catalog;

/// <summary>The host console: the catalog, its commands and its answers to bad input.</summary>
public sealed class HostCommandSpec
{
    [Fact]
    public void The_catalog_has_each_task_from_1_to_20_once()
    {
        Assert.Equal(Enumerable.Range(1, 20), TaskCatalog.All.Select(t => t.Info.Number));
    }

    [Fact]
    public void Every_task_names_its_exercise_topic_and_specs()
    {
        Assert.All(TaskCatalog.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Info.Title));
            Assert.False(string.IsNullOrWhiteSpace(t.Info.GoExercise));
            Assert.False(string.IsNullOrWhiteSpace(t.Info.Topic));
            Assert.NotEmpty(t.Info.Specs);
        });
    }

    [Fact]
    public void Every_task_names_spec_classes_that_exist()
    {
        var specNames = typeof(HostCommandSpec).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
        Assert.All(TaskCatalog.All.SelectMany(t => t.Info.Specs), spec => Assert.Contains(spec, specNames));
    }

    [Fact]
    public void Each_run_option_name_means_one_option()
    {
        // Two tasks declaring their own --threads would both be added to run, and only one would ever bind.
        var options = TaskCatalog.All.SelectMany(t => t.Options).Distinct().ToArray();
        Assert.Equal(options.Length, options.Select(o => o.Name).Distinct().Count());
    }

    [Fact]
    public async Task List_shows_all_20_tasks()
    {
        HostRun run = await HostRun.RunAsync("list");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.All(TaskCatalog.All, t => Assert.Contains(t.Info.Title, run.Output));
    }

    [Fact]
    public async Task Run_2_prints_a_total_of_1000()
    {
        HostRun run = await HostRun.RunAsync("run", "2", "--runs", "2");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("1000", run.Output);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData("run", "99")]
    [InlineData("run", "0")]
    [InlineData("run", "x")]
    [InlineData("run")]
    [InlineData("nonsense")]
    [InlineData("--no-such-option")]
    [InlineData("run", "1", "--runs", "0")]
    [InlineData("run", "2", "--runs", "many")]
    public async Task Bad_input_exits_2_with_one_line_on_stderr(params string[] args)
    {
        HostRun run = await HostRun.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", run.Error);
    }

    [Fact]
    public async Task An_option_of_another_task_is_bad_input()
    {
        var (task, option) = TaskCatalog.All
            .SelectMany(t => TaskCatalog.All.SelectMany(o => o.Options).Where(o => !t.Options.Contains(o)).Select(o => (t, o)))
            .First();

        HostRun run = await HostRun.RunAsync("run", task.Info.Number.ToString(), option.Name, "1");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("does not apply", run.Error);
    }
}
