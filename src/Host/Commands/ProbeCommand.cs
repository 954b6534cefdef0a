using System.CommandLine;
using ActorConcurrency.Demonstrations.MemoryModel;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>probe &lt;name&gt;</c> (hidden): runs one memory-model probe of task 11 in this process and speaks the
/// line protocol of <see cref="MemoryModelProbes"/>. The host starts itself with it as a child process,
/// so a probe that hangs is killed without touching the host; a user has no reason to call it directly.
/// </summary>
internal sealed class ProbeCommand : IHostCommand
{
    /// <summary>The assembly a probe's child process runs with <c>probe &lt;name&gt;</c>: this host's own.</summary>
    public static string HostAssembly => typeof(ProbeCommand).Assembly.Location;

    public Command Create(HostConsole console)
    {
        var name = new Argument<string>("name")
        {
            Description = $"The probe: {string.Join(", ", MemoryModelProbes.Descriptions.Keys)}",
        };
        var command = new Command("probe", "Run one memory-model probe of task 11 (used by run 11 in a child process)") { name };
        command.Hidden = true;
        command.SetAction(parseResult =>
        {
            string probe = parseResult.GetValue(name)!;
            if (!MemoryModelProbes.Descriptions.ContainsKey(probe))
            {
                return console.BadInput($"unknown probe '{probe}': probes are {string.Join(", ", MemoryModelProbes.Descriptions.Keys)}");
            }

            // Plain standard output, not the Spectre console: the parent parses these lines.
            MemoryModelProbes.Run(probe, Console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
