using System.CommandLine;
using ActorConcurrency.Host.Catalog;
using ActorConcurrency.Host.Tasks;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>profile [--seconds S] [--workers N]</c>: task 16's contention profile on its own — the worker pool with
/// shared statistics, the refactored pool and the actor pool, each with its locks ranked by wait.
/// </summary>
internal sealed class ProfileCommand : IHostCommand
{
    public Command Create(HostConsole console)
    {
        var command = new Command("profile", "Task 16's lock-contention profile: the worker pool before and after the refactor, and the actor pool")
        {
            Task16MutexProfile.Seconds.Option,
            Task16MutexProfile.Workers.Option,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var context = new DemoContext(console.Output, parseResult, cancellationToken);
            var outcome = await Task16MutexProfile.ProfileAsync(context);
            return outcome.Held ? ExitCodes.Ok : ExitCodes.DemonstrationFailed;
        });
        return command;
    }
}
