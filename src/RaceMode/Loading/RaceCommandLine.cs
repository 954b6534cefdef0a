namespace ActorConcurrency.RaceMode.Loading;

/// <summary>
/// The command line of the <c>race-mode</c> tool's <c>exec</c> and <c>test</c>: <c>exec [options] App.dll [args...]</c>
/// (options before the app: what follows it is the app's) and <c>test [options] Tests.dll [options]</c>, with the
/// options of <see cref="RaceOptions"/> on top of <see cref="RaceOptions.EnvironmentVariable"/>, and <c>--filter</c> for test.
/// </summary>
/// <param name="Assembly">The app's or test assembly's path.</param>
/// <param name="Arguments">The app's own arguments (exec).</param>
/// <param name="Options">The race options, command line over environment.</param>
/// <param name="Filter">Which tests to run (test; null for all).</param>
public sealed record RaceCommandLine(string Assembly, IReadOnlyList<string> Arguments, RaceOptions Options, string? Filter)
{
    /// <summary>Parses <paramref name="args"/> (without the command name) of <paramref name="command"/> (<c>exec</c> or <c>test</c>).</summary>
    /// <param name="command"><c>exec</c> or <c>test</c>.</param>
    /// <param name="args">What followed the command.</param>
    /// <param name="environment">The value of <see cref="RaceOptions.EnvironmentVariable"/>, or null.</param>
    /// <exception cref="RaceInputException">An unknown option, a missing value or no assembly.</exception>
    public static RaceCommandLine Parse(string command, IReadOnlyList<string> args, string? environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool test = command == "test";
        string what = test ? "Tests.dll" : "App.dll";
        RaceOptions options = RaceOptions.FromEnvironment(environment);
        string? assembly = null;
        string? filter = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (assembly is not null && !test)
            {
                return new RaceCommandLine(assembly, args.Skip(i).ToArray(), options, null);
            }

            if (arg == "--")
            {
                continue;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                if (assembly is not null)
                {
                    throw new RaceInputException($"test takes one test assembly, got '{assembly}' and '{arg}'");
                }

                assembly = arg;
                continue;
            }

            (string name, string? value) = arg.IndexOf('=', StringComparison.Ordinal) is > 0 and int at ? (arg[..at], arg[(at + 1)..]) : (arg, null);
            if (name == "--halt-on-error")
            {
                options = options.With(name, value ?? "1", name);
                continue;
            }

            bool known = name == "--filter" ? test : RaceOptions.Table.Any(o => o.Option == name);
            if (!known)
            {
                string options_ = string.Join(", ", RaceOptions.Table.Select(o => o.Option).Concat(test ? ["--filter"] : []));
                throw new RaceInputException($"unknown option '{name}' for {command} (options: {options_}; usage: race-mode {command} [options] {what}{(test ? string.Empty : " [args...]")})");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new RaceInputException($"{name} needs a value");
                }

                value = args[++i];
            }

            if (name == "--filter")
            {
                filter = value;
            }
            else
            {
                options = options.With(name, value, name);
            }
        }

        return assembly is null
            ? throw new RaceInputException($"no assembly given: usage: race-mode {command} [options] {what}{(test ? " [--filter EXPR]" : " [args...]")}")
            : new RaceCommandLine(assembly, [], options, filter);
    }
}
