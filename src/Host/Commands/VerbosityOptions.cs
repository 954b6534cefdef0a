using System.CommandLine;
using System.CommandLine.Parsing;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>--verbosity</c> (as the dotnet CLI spells it) and <c>--quiet</c>, offered only by the commands whose output they
/// change: the tour (with no command, or <c>tour</c>) and <c>run</c>, which print each task's tables or one line per
/// task. Each of those describes what the levels mean for it; a command that prints the same at every level
/// (<c>node</c>, <c>chaos</c>, <c>race</c>, <c>hb</c>, <c>profile</c>, …) does not take them, and one given there is
/// refused (exit 2) with one line naming the commands that do.
/// </summary>
internal static class VerbosityOptions
{
    public const string VerbosityName = "--verbosity";

    public const string QuietName = "--quiet";

    /// <summary>What the levels mean for the tour (with no command, and <c>tour</c>).</summary>
    public static void AddForTour(Command command) => Add(
        command,
        "How much to print: q[uiet] or m[inimal]: one line per task (verdict and evidence), no tables, no summary; " +
        "n[ormal]: every table each demonstration measured, then the summary; d[etailed] or diag[nostic]: also the " +
        "stack trace of a demonstration that failed with an exception",
        "One line per task (verdict and evidence), no tables, no summary: --verbosity quiet");

    /// <summary>What the levels mean for <c>run</c>.</summary>
    public static void AddForRun(Command command) => Add(
        command,
        "How much to print: q[uiet] or m[inimal]: one line, the task's verdict and evidence, no tables; n[ormal]: every " +
        "table the demonstration measured; d[etailed] or diag[nostic]: also the stack trace if it failed with an exception",
        "One line, the task's verdict and evidence, no tables: --verbosity quiet");

    /// <summary>
    /// The level chosen on the command line (<c>--quiet</c> wins over <c>--verbosity</c>), or
    /// <see cref="HostVerbosity.Normal"/>; for a command that takes them (see <see cref="Refusal"/> for the others).
    /// </summary>
    public static HostVerbosity Chosen(ParseResult parseResult)
    {
        bool quiet = false;
        HostVerbosity? level = null;
        foreach (Option option in Given(parseResult))
        {
            if (option is Option<bool> quietOption)
            {
                quiet |= parseResult.GetValue(quietOption);
            }
            else
            {
                level ??= parseResult.GetValue((Option<HostVerbosity>)option);
            }
        }

        return quiet ? HostVerbosity.Quiet : level ?? HostVerbosity.Normal;
    }

    /// <summary>
    /// The one-line error for <c>--quiet</c> or <c>--verbosity</c> given to a command that does not take them, or null.
    /// The parser alone would accept one placed before the command (<c>-q node</c>: it belongs to the root) and word
    /// one placed after it by what it then tripped over (<c>list --verbosity d</c>: "Unrecognized ... 'd'", or "task
    /// must be a number, got '--verbosity'"). A command's own arguments are left alone: <c>race exec App.dll -q</c>
    /// passes <c>-q</c> to the app.
    /// </summary>
    public static string? Refusal(ParseResult parseResult)
    {
        Command invoked = parseResult.CommandResult.Command;
        if (invoked.Options.Any(o => o.Name == QuietName))
        {
            return null;
        }

        string? name = Given(parseResult).FirstOrDefault()?.Name;
        if (name is null && parseResult.Errors.Count > 0)
        {
            name = parseResult.Tokens.Select(t => t.Value).FirstOrDefault(v => v is "-q" or QuietName or "-v" or VerbosityName) switch
            {
                "-q" or QuietName => QuietName,
                "-v" or VerbosityName => VerbosityName,
                _ => null,
            };
        }

        if (name is null)
        {
            return null;
        }

        // "race run", not "run": the path of the command under the root.
        var path = new List<string>();
        for (SymbolResult? result = parseResult.CommandResult; result is CommandResult { Parent: not null } command; result = command.Parent)
        {
            path.Insert(0, command.Command.Name);
        }

        return $"{name} does not apply to {string.Join(' ', path)}: only the tour (no command, or tour) and run take it";
    }

    /// <summary>The verbosity options given explicitly, on the command that runs or on a parent (<c>-q tour</c>).</summary>
    private static IEnumerable<Option> Given(ParseResult parseResult)
    {
        for (SymbolResult? result = parseResult.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var command })
            {
                foreach (Option option in command.Options.Where(o => o.Name is QuietName or VerbosityName))
                {
                    if (parseResult.GetResult(option) is { Implicit: false })
                    {
                        yield return option;
                    }
                }
            }
        }
    }

    private static void Add(Command command, string levels, string quiet)
    {
        command.Options.Add(new Option<HostVerbosity>(VerbosityName, "-v")
        {
            Description = levels,
            HelpName = "level",
            CustomParser = Parse,
            DefaultValueFactory = _ => HostVerbosity.Normal,
        });
        command.Options.Add(new Option<bool>(QuietName, "-q") { Description = quiet });
    }

    private static HostVerbosity Parse(ArgumentResult result)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        HostVerbosity? level = token.ToLowerInvariant() switch
        {
            "q" or "quiet" => HostVerbosity.Quiet,
            "m" or "minimal" => HostVerbosity.Minimal,
            "n" or "normal" => HostVerbosity.Normal,
            "d" or "detailed" => HostVerbosity.Detailed,
            "diag" or "diagnostic" => HostVerbosity.Diagnostic,
            _ => null,
        };
        if (level is null)
        {
            result.AddError($"{VerbosityName} must be q[uiet], m[inimal], n[ormal], d[etailed] or diag[nostic], got '{token}'");
        }

        return level ?? HostVerbosity.Normal;
    }
}
