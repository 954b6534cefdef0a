using System.CommandLine;
using ActorConcurrency.Demonstrations.RaceForms;
using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;
using ActorConcurrency.RaceMode.Testing;
using Spectre.Console;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>race</c>: runs every SharedState form under race mode (the real types, rewritten, not tracked copies) and
/// ends in a table of verdicts; <c>race run N</c> runs task N's forms; <c>race exec App.dll [args]</c> runs a
/// user's console app under race mode, <c>race test Tests.dll</c> a user's xunit v2 tests (exit codes and options in
/// docs/race-mode.md).
/// </summary>
internal sealed class RaceCommand : IHostCommand
{
    /// <summary>A probe runs in well under a second; one that takes this long is stuck.</summary>
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(60);

    public Command Create(HostConsole console)
    {
        var command = new Command("race", "Run the shared-memory forms under race mode (Go's -race for plain C#) and print a verdict table");
        command.SetAction(_ => RunForms(console, RaceCatalog.Forms));

        string tasksWithForms = string.Join(", ", RaceCatalog.Forms.Select(f => f.Task).Distinct());
        var task = new Argument<int>("task")
        {
            Description = $"The task whose forms to run: {tasksWithForms}",
            CustomParser = result =>
            {
                // In words, not System.CommandLine's "as expected type 'System.Int32'".
                string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
                if (!int.TryParse(token, out int number))
                {
                    result.AddError($"task must be a number ({tasksWithForms}), got '{token}'");
                }

                return number;
            },
        };
        var run = new Command("run", "Run one task's shared-memory forms under race mode") { task };
        run.SetAction(parseResult =>
        {
            int number = parseResult.GetValue(task);
            RaceForm[] forms = RaceCatalog.Forms.Where(f => f.Task == number).ToArray();
            if (forms.Length == 0)
            {
                return console.BadInput($"task {number} has no race-mode forms: tasks with forms are {tasksWithForms}");
            }

            return RunForms(console, forms);
        });
        command.Subcommands.Add(run);

        var app = new Argument<string>("app") { Description = "The console app's .dll (built for net10.0)" };
        var rest = new Argument<string[]>("args") { Description = "Arguments for the app (after --, those that start with -)", Arity = ArgumentArity.ZeroOrMore };
        RaceOptionSet execOptions = new();
        var exec = new Command("exec", "Run your own console app under race mode") { app, rest };
        execOptions.AddTo(exec);
        exec.SetAction(parseResult => RunRace(console, () =>
            RaceExec.Run(new RaceCommandLine(parseResult.GetValue(app)!, parseResult.GetValue(rest) ?? [], execOptions.Read(parseResult), null), console.Output.Profile.Out.Writer, console.Error)));
        command.Subcommands.Add(exec);

        var tests = new Argument<string>("tests") { Description = "The xunit v2 test assembly's .dll (built for net10.0)" };
        var filter = new Option<string>("--filter")
        {
            Description = "Run only the tests whose full name contains this (| for alternatives, * for any text, or dotnet test's FullyQualifiedName~X)",
        };
        RaceOptionSet testOptions = new();
        var test = new Command("test", "Run your xunit v2 test project under race mode (go test -race): races named by the test that ran them") { tests, filter };
        testOptions.AddTo(test);
        test.SetAction(parseResult => RunRace(console, () =>
            RaceTest.Run(new RaceCommandLine(parseResult.GetValue(tests)!, [], testOptions.Read(parseResult), parseResult.GetValue(filter)), console.Output.Profile.Out.Writer)));
        command.Subcommands.Add(test);
        return command;
    }

    /// <summary>Runs exec or test; bad input (not an assembly, a class library, an unreadable suppressions file, …) is one line and exit 2.</summary>
    private static int RunRace(HostConsole console, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (RaceInputException e)
        {
            return console.BadInput(e.Message);
        }
    }

    private static int RunForms(HostConsole console, IReadOnlyList<RaceForm> forms)
    {
        using RaceSandbox sandbox = RaceCatalog.CreateSandbox();
        console.Output.WriteLine($"race mode: rewrote the probes and SharedState ({sandbox.Instrumented} accesses and calls instrumented)");
        var table = new Table().AddColumns("task", "form", "expected", "found", "races", "verdict");
        int wrong = 0;
        foreach (RaceForm form in forms)
        {
            RaceRun result;
            try
            {
                Task<RaceRun> running = Task.Run(() => RaceCatalog.Run(sandbox, form));
                if (!running.Wait(FormTimeout))
                {
                    // The stuck probe still holds the session: nothing more can run in this process.
                    console.Error.WriteLine($"task {form.Task}: {form.Name} did not finish within {FormTimeout.TotalSeconds:0} s under race mode; stopping");
                    return ExitCodes.DemonstrationFailed;
                }

                result = running.Result;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                e = e is AggregateException { InnerException: { } inner } ? inner : e;
                // A probe that fails is a wrong verdict, reported with its reason, not a crash of the whole table.
                console.Error.WriteLine($"task {form.Task}: {form.Name} failed under race mode: {e.GetType().Name}: {e.Message}");
                table.AddRow(form.Task.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(form.Name),
                    form.ExpectRace ? "RACE" : "NO RACE", "error", "-", "[red]WRONG[/]");
                wrong++;
                continue;
            }

            console.Output.WriteLine();
            console.Output.WriteLine($"== task {form.Task}: {form.Name}: {(result.HasRaces ? result.Summary : "no race")}");
            if (result.Races.Count > 0)
            {
                console.Output.WriteLine(result.Races[0].Format());
            }

            bool held = result.HasRaces == form.ExpectRace;
            wrong += held ? 0 : 1;
            table.AddRow(
                form.Task.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(form.Name),
                form.ExpectRace ? "RACE" : "NO RACE",
                result.HasRaces ? "RACE" : "NO RACE",
                result.Races.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                held ? "[green]as expected[/]" : "[red]WRONG[/]");
        }

        console.Output.Write(table);
        console.Output.WriteLine(wrong == 0
            ? $"race mode: all {forms.Count} verdicts as expected"
            : $"race mode: {wrong} of {forms.Count} verdicts differ from the expected ones");
        return wrong == 0 ? ExitCodes.Ok : ExitCodes.DemonstrationFailed;
    }
}
