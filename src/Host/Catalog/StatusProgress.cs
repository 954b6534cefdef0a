using Spectre.Console;

namespace ActorConcurrency.Host.Catalog;

/// <summary>
/// An experiment's status reports shown on the status line, synchronously (<see cref="Progress{T}"/> would post them
/// to the thread pool, where a late one could overwrite a newer one).
/// </summary>
internal sealed class StatusProgress : IProgress<string>
{
    private readonly StatusContext _status;

    public StatusProgress(StatusContext status) => _status = status;

    public void Report(string value) => _status.Status(Markup.Escape(value));
}
