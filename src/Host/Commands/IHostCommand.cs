using System.CommandLine;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// A subcommand of the host (<c>list</c>, <c>run</c>, …). Each is one class in <c>src/Host/Commands</c>,
/// found by reflection, so adding a command touches only its own file.
/// </summary>
internal interface IHostCommand
{
    /// <summary>Builds the command with its arguments, options and action.</summary>
    Command Create(HostConsole console);
}
