using System.CommandLine;
using ActorConcurrency.RaceMode.Loading;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// The race options of <c>race exec</c> and <c>race test</c> (Go's GORACE: halt_on_error, exitcode, log_path,
/// strip_path_prefix, and a suppressions file), on top of the <c>RACE_MODE_OPTIONS</c> environment variable.
/// </summary>
internal sealed class RaceOptionSet
{
    private readonly Option<bool> _halt = new("--halt-on-error") { Description = "Stop at the first race reported, with the race exit code" };
    private readonly Option<int?> _exitCode = new("--exitcode") { Description = $"Exit code when a race was found (default {RaceOptions.DefaultExitCode})" };
    private readonly Option<string> _logPath = new("--log-path") { Description = "Write race reports to PATH.<pid> instead of standard output" };
    private readonly Option<string> _strip = new("--strip-path-prefix") { Description = "Cut this prefix from the source paths in reports" };
    private readonly Option<string> _suppressions = new("--suppressions") { Description = "A file of race:PATTERN lines (TSan's syntax) naming benign races not to report" };

    public void AddTo(Command command)
    {
        command.Options.Add(_halt);
        command.Options.Add(_exitCode);
        command.Options.Add(_logPath);
        command.Options.Add(_strip);
        command.Options.Add(_suppressions);
    }

    /// <summary>RACE_MODE_OPTIONS, then what the command line set.</summary>
    /// <exception cref="RaceInputException">RACE_MODE_OPTIONS or a value is wrong.</exception>
    public RaceOptions Read(ParseResult parseResult)
    {
        RaceOptions options = RaceOptions.FromEnvironment(Environment.GetEnvironmentVariable(RaceOptions.EnvironmentVariable));
        if (parseResult.GetResult(_halt) is { Implicit: false })
        {
            options = options with { HaltOnError = parseResult.GetValue(_halt) };
        }

        if (parseResult.GetValue(_exitCode) is int code)
        {
            options = options.With("--exitcode", code.ToString(System.Globalization.CultureInfo.InvariantCulture), "--exitcode");
        }

        foreach ((Option<string> option, string name) in new[] { (_logPath, "--log-path"), (_strip, "--strip-path-prefix"), (_suppressions, "--suppressions") })
        {
            if (parseResult.GetValue(option) is { } value)
            {
                options = options.With(name, value, name);
            }
        }

        return options;
    }
}
