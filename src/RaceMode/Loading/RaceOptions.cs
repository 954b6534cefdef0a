using System.Globalization;

namespace ActorConcurrency.RaceMode.Loading;

/// <summary>
/// The options Go users reach for (<c>GORACE</c>), for <c>exec</c> and <c>test</c>: each is a command-line option and a
/// key of the environment variable <see cref="EnvironmentVariable"/> (<c>RACE_MODE_OPTIONS="halt_on_error=1 exitcode=3"</c>);
/// the command line wins over the variable. See docs/race-mode.md.
/// </summary>
public sealed record RaceOptions
{
    /// <summary>The environment variable read as Go reads <c>GORACE</c>.</summary>
    public const string EnvironmentVariable = "RACE_MODE_OPTIONS";

    /// <summary>Go's exit status when a race was found, the default of <see cref="ExitCode"/>.</summary>
    public const int DefaultExitCode = 66;

    /// <summary>The options with their names on the command line and in <see cref="EnvironmentVariable"/>, for help and errors.</summary>
    public static IReadOnlyList<(string Option, string Key, string Value, string Meaning)> Table { get; } =
    [
        ("--halt-on-error", "halt_on_error", "0|1", "stop the whole run at the first race reported (after printing it), with the race exit code"),
        ("--exitcode", "exitcode", "N", $"exit code when a race was found (default {DefaultExitCode})"),
        ("--log-path", "log_path", "PATH", "write race reports to PATH.<pid> (one file per process) instead of standard output"),
        ("--strip-path-prefix", "strip_path_prefix", "PREFIX", "cut PREFIX from the source paths in reports"),
        ("--suppressions", "suppressions", "FILE", "a file of race:PATTERN lines (TSan's syntax) naming benign races not to report"),
    ];

    /// <summary>Go's <c>halt_on_error</c>: exit at the first race reported, with <see cref="ExitCode"/>.</summary>
    public bool HaltOnError { get; init; }

    /// <summary>Go's <c>exitcode</c>: the exit status when a race was found.</summary>
    public int ExitCode { get; init; } = DefaultExitCode;

    /// <summary>Go's <c>log_path</c>: reports go to <c>LogPath.&lt;pid&gt;</c> instead of the console.</summary>
    public string? LogPath { get; init; }

    /// <summary>Go's <c>strip_path_prefix</c>: cut from source paths in reports.</summary>
    public string? StripPathPrefix { get; init; }

    /// <summary>TSan's <c>suppressions</c>: the file of <c>race:</c> patterns.</summary>
    public string? SuppressionsPath { get; init; }

    /// <summary>
    /// Reads <paramref name="variable"/> (the value of <see cref="EnvironmentVariable"/>): space-separated
    /// <c>key=value</c> pairs, as GORACE.
    /// </summary>
    /// <exception cref="RaceInputException">An unknown key or a bad value.</exception>
    public static RaceOptions FromEnvironment(string? variable)
    {
        var options = new RaceOptions();
        foreach (string pair in (variable ?? string.Empty).Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new RaceInputException($"{EnvironmentVariable}: '{pair}' is not key=value (e.g. {EnvironmentVariable}=\"halt_on_error=1 exitcode=3\")");
            }

            string key = pair[..equals];
            string value = pair[(equals + 1)..];
            (string Option, string Key, string Value, string Meaning) option = Table.FirstOrDefault(o => o.Key == key);
            if (option.Key is null)
            {
                throw new RaceInputException($"{EnvironmentVariable}: unknown option '{key}' (known: {string.Join(", ", Table.Select(o => o.Key))})");
            }

            options = options.With(option.Option, value, $"{EnvironmentVariable} {key}");
        }

        return options;
    }

    /// <summary>This with the option <paramref name="option"/> (its command-line name) set to <paramref name="value"/>.</summary>
    /// <param name="option">The command-line name (<c>--exitcode</c>).</param>
    /// <param name="value">The value as given.</param>
    /// <param name="said">How the user named it, for the error message.</param>
    /// <exception cref="RaceInputException">A bad value or an unknown option.</exception>
    public RaceOptions With(string option, string value, string said) => option switch
    {
        "--halt-on-error" => this with { HaltOnError = Flag(value, said) },
        "--exitcode" => this with { ExitCode = Code(value, said) },
        "--log-path" => this with { LogPath = NonEmpty(value, said) },
        "--strip-path-prefix" => this with { StripPathPrefix = NonEmpty(value, said) },
        "--suppressions" => this with { SuppressionsPath = NonEmpty(value, said) },
        _ => throw new RaceInputException($"unknown option '{option}'"),
    };

    private static bool Flag(string value, string said) => value switch
    {
        "1" or "true" => true,
        "0" or "false" => false,
        _ => throw new RaceInputException($"{said} takes 0 or 1, got '{value}'"),
    };

    private static int Code(string value, string said) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int code) && code <= 255
            ? code
            : throw new RaceInputException($"{said} takes an exit code from 0 to 255, got '{value}'");

    private static string NonEmpty(string value, string said) =>
        value.Length > 0 ? value : throw new RaceInputException($"{said} needs a value");
}
