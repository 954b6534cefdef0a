using System.CommandLine;
using ActorConcurrency.Actors.Hosting;
using Akka.Actor;
using Spectre.Console;

namespace ActorConcurrency.Host.Catalog;

/// <summary>
/// What a demonstration gets from the host: the console to print on, the values of its options
/// (defaults in the tour) and one actor system shared by every demonstration of a host run.
/// </summary>
internal sealed class DemoContext : IAsyncDisposable
{
    private readonly ParseResult? _parseResult;
    private ActorSystem? _actorSystem;

    public DemoContext(IAnsiConsole console, ParseResult? parseResult, CancellationToken cancellationToken)
    {
        Console = console;
        _parseResult = parseResult;
        CancellationToken = cancellationToken;
    }

    public IAnsiConsole Console { get; }

    /// <summary>Signalled when the user presses Ctrl+C.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// A local actor system from <c>hocon/base.conf</c>, created on first use and terminated when the
    /// host run ends. Demonstrations that need a cluster build their own.
    /// </summary>
    public ActorSystem ActorSystem => _actorSystem ??= ActorSystem.Create("tour", HoconConfig.Base);

    /// <summary>
    /// Runs <paramref name="measure"/> under a status line that starts as <paramref name="status"/> and then shows what
    /// the experiment reports it is doing.
    /// </summary>
    public Task<T> StatusAsync<T>(string status, Func<IProgress<string>, Task<T>> measure) =>
        Console.Status().StartAsync(Markup.Escape(status), context => measure(new StatusProgress(context)));

    /// <summary>The value the user gave for <paramref name="option"/>, or its default (always in the tour).</summary>
    public T Get<T>(TaskOption<T> option) =>
        _parseResult?.GetResult(option.Option) is { Implicit: false } ? _parseResult.GetValue(option.Option)! : option.Default;

    public async ValueTask DisposeAsync()
    {
        if (_actorSystem is not null)
        {
            await _actorSystem.Terminate().ConfigureAwait(false);
        }
    }
}
