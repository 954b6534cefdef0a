using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// Bad input to the race-mode tool gets one line on standard error naming what is wrong and what to do, and exit 2,
/// never a stack trace: <c>exec</c> on a file that is not an assembly once exited 134 with a 16-line
/// BadImageFormatException, and on a class library with an ArgumentException's stack.
/// </summary>
public sealed class RaceModeInputSpec : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("race-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Exec_on_a_file_that_is_not_an_assembly_says_so_in_one_line()
    {
        string text = Path.Combine(_folder, "notes.dll");
        File.WriteAllText(text, "not an assembly");

        ToolRun run = ToolRun.Run("exec", text);

        run.AssertRefusedInOneLine("is not a .NET assembly");
    }

    [Fact]
    public void Exec_on_an_empty_file_says_it_is_not_an_assembly()
    {
        string empty = Path.Combine(_folder, "empty.dll");
        File.WriteAllBytes(empty, []);

        ToolRun.Run("exec", empty).AssertRefusedInOneLine("is not a .NET assembly");
    }

    [Fact]
    public void Exec_on_a_class_library_says_it_has_no_entry_point_and_points_to_test()
    {
        string library = typeof(ActorConcurrency.SharedState.Counters.RacyCounter).Assembly.Location;

        ToolRun run = ToolRun.Run("exec", library);

        run.AssertRefusedInOneLine("has no entry point");
        Assert.Contains("race-mode test", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Exec_on_an_assembly_for_another_target_framework_names_it()
    {
        string older = typeof(Akka.Actor.ActorSystem).Assembly.Location; // the Akka package's net6.0 build

        ToolRun run = ToolRun.Run("exec", older);

        run.AssertRefusedInOneLine("Akka.dll is built for net6.0; race mode runs net10.0 assemblies");
    }

    [Fact]
    public void Exec_on_an_app_whose_dependency_is_not_beside_it_names_the_missing_one()
    {
        string app = Path.Combine(_folder, "Lonely.dll");
        WriteConsoleApp(app, references: new Mono.Cecil.AssemblyNameReference("Missing.Dependency", new Version(1, 2, 3, 0)));

        ToolRun.Run("exec", app).AssertRefusedInOneLine("Lonely.dll needs Missing.Dependency 1.2.3.0, which is neither beside it nor part of .NET");
    }

    [Theory]
    [InlineData("exec", "--bogus", "App.dll")]
    [InlineData("exec")]
    [InlineData("exec", "--exitcode")]
    [InlineData("exec", "--exitcode", "many", "App.dll")]
    [InlineData("exec", "--halt-on-error=2", "App.dll")]
    [InlineData("frobnicate")]
    public void A_bad_command_line_gets_one_line(params string[] args)
    {
        ToolRun.Run(args).AssertRefusedInOneLine(string.Empty);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string missing = Path.Combine(_folder, "Missing.dll");

        ToolRun.Run("exec", missing).AssertRefusedInOneLine($"no file at '{missing}'");
    }

    [Fact]
    public void A_folder_is_refused_with_the_path_to_give_instead()
    {
        ToolRun.Run("exec", _folder).AssertRefusedInOneLine("is a folder");
    }

    [Theory]
    [InlineData("halt_on_eror=1", "unknown option 'halt_on_eror'")]
    [InlineData("exitcode=300", "exitcode takes an exit code from 0 to 255")]
    [InlineData("halt_on_error", "is not key=value")]
    public void A_bad_environment_variable_is_refused_naming_the_key(string variable, string expected)
    {
        RaceInputException refusal = Assert.Throws<RaceInputException>(() => RaceCommandLine.Parse("exec", ["App.dll"], variable));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(RaceOptions.EnvironmentVariable, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exec_options_go_before_the_app_and_what_follows_the_app_is_its_own()
    {
        RaceCommandLine line = RaceCommandLine.Parse("exec", ["--exitcode", "3", "App.dll", "--exitcode", "9"], "halt_on_error=1 exitcode=5");

        Assert.Equal("App.dll", line.Assembly);
        Assert.Equal(["--exitcode", "9"], line.Arguments);
        Assert.Equal(3, line.Options.ExitCode); // the command line wins over the variable
        Assert.True(line.Options.HaltOnError);
    }

    [Fact]
    public async Task The_hosts_race_exec_refuses_a_file_that_is_not_an_assembly_in_one_line()
    {
        string text = Path.Combine(_folder, "notes.dll");
        File.WriteAllText(text, "not an assembly");

        HostRun run = await HostRun.RunAsync("race", "exec", text);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is not a .NET assembly", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Writes a console app (an empty Main) that references <paramref name="references"/>, made with Cecil.</summary>
    internal static void WriteConsoleApp(string path, params Mono.Cecil.AssemblyNameReference[] references)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        using var assembly = Mono.Cecil.AssemblyDefinition.CreateAssembly(new Mono.Cecil.AssemblyNameDefinition(name, new Version(1, 0)), name, Mono.Cecil.ModuleKind.Console);
        Mono.Cecil.ModuleDefinition module = assembly.MainModule;
        var program = new Mono.Cecil.TypeDefinition(name, "Program", Mono.Cecil.TypeAttributes.Public | Mono.Cecil.TypeAttributes.Abstract | Mono.Cecil.TypeAttributes.Sealed, module.TypeSystem.Object);
        var main = new Mono.Cecil.MethodDefinition("Main", Mono.Cecil.MethodAttributes.Public | Mono.Cecil.MethodAttributes.Static, module.TypeSystem.Void);
        main.Body.GetILProcessor().Emit(Mono.Cecil.Cil.OpCodes.Ret);
        program.Methods.Add(main);
        module.Types.Add(program);
        module.EntryPoint = main;
        foreach (Mono.Cecil.AssemblyNameReference reference in references)
        {
            module.AssemblyReferences.Add(reference);
        }

        assembly.Write(path);
    }
}

/// <summary>The race-mode tool's entry run in process: its exit code and what it printed.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public static ToolRun Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = ActorConcurrency.RaceMode.Program.Run(args, output, error);
        return new ToolRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Exit 2, one line on standard error containing <paramref name="expected"/>, no stack trace or CLR type name.</summary>
    public void AssertRefusedInOneLine(string expected)
    {
        Assert.True(ExitCode == RaceExec.BadInput, $"exit {ExitCode}, stderr:\n{Error}\nstdout:\n{Output}");
        string line = Assert.Single(Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Error, StringComparison.Ordinal);
    }
}
