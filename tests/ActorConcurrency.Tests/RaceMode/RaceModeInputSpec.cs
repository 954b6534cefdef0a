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
    public void Test_on_a_console_app_says_it_is_not_a_test_assembly_and_points_to_exec()
    {
        string app = Path.Combine(_folder, "Console.dll");
        WriteConsoleApp(app);

        ToolRun run = ToolRun.Run("test", app);

        run.AssertRefusedInOneLine("is not a test assembly");
        Assert.Contains("race-mode exec", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_on_a_library_without_xunit_says_it_is_not_an_xunit_test_assembly()
    {
        string library = typeof(ActorConcurrency.SharedState.Counters.RacyCounter).Assembly.Location;

        ToolRun.Run("test", library).AssertRefusedInOneLine("is not an xunit v2 test assembly");
    }

    [Theory]
    [InlineData("nunit.framework", "uses NUnit")]
    [InlineData("xunit.v3.core", "uses xunit v3")]
    [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework", "uses MSTest")]
    public void Test_on_another_test_framework_names_it(string reference, string expected)
    {
        string tests = Path.Combine(_folder, "Other.Tests.dll");
        WriteConsoleApp(tests, new Mono.Cecil.AssemblyNameReference(reference, new Version(3, 0, 0, 0)));

        ToolRun run = ToolRun.Run("test", tests);

        run.AssertRefusedInOneLine(expected);
        Assert.Contains("race-mode test runs xunit v2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_on_a_newer_xunit_than_race_modes_says_which_to_build_with()
    {
        string tests = Path.Combine(_folder, "Newer.Tests.dll");
        WriteConsoleApp(tests, new Mono.Cecil.AssemblyNameReference("xunit.core", new Version(2, 99, 0, 0)));

        ToolRun.Run("test", tests).AssertRefusedInOneLine("is built against xunit.core 2.99.0.0, newer than race mode's");
    }

    [Fact]
    public void Test_with_a_missing_dependency_names_it()
    {
        string tests = Path.Combine(_folder, "Lonely.Tests.dll");
        WriteConsoleApp(
            tests,
            new Mono.Cecil.AssemblyNameReference("xunit.core", new Version(2, 9, 3, 0)),
            new Mono.Cecil.AssemblyNameReference("Missing.Helpers", new Version(1, 0, 0, 0)));

        ToolRun.Run("test", tests).AssertRefusedInOneLine("needs Missing.Helpers 1.0.0.0, which is neither beside it nor part of .NET");
    }

    [Fact]
    public void Test_on_an_assembly_for_another_target_framework_names_it()
    {
        ToolRun.Run("test", typeof(Akka.Actor.ActorSystem).Assembly.Location).AssertRefusedInOneLine("is built for net6.0; race mode runs net10.0");
    }

    [Fact]
    public void An_unreadable_suppressions_file_is_named()
    {
        string missing = Path.Combine(_folder, "nope.supp");

        ToolRun run = ToolRun.Run("test", "--suppressions", missing, RaceTestSpec.ShapesAssembly);

        run.AssertRefusedInOneLine($"cannot read the suppressions file '{missing}'");
    }

    [Theory]
    [InlineData("race:", "line 1")]
    [InlineData("# fine\nthread:Worker", "line 2: 'thread:Worker': 'thread:' suppressions are TSan's")]
    [InlineData("LruItem.wasAccessed", "expected race:PATTERN")]
    public void A_bad_suppressions_line_is_named_with_its_number(string text, string expected)
    {
        string file = Path.Combine(_folder, "bad.supp");
        File.WriteAllText(file, text.Replace("\\n", "\n", StringComparison.Ordinal));

        ToolRun.Run("test", "--suppressions", file, RaceTestSpec.ShapesAssembly).AssertRefusedInOneLine(expected);
    }

    [Theory]
    [InlineData("test", "--bogus", "Tests.dll")]
    [InlineData("test")]
    [InlineData("test", "--filter")]
    [InlineData("test", "A.dll", "B.dll")]
    public void A_bad_test_command_line_gets_one_line(params string[] args)
    {
        ToolRun.Run(args).AssertRefusedInOneLine(string.Empty);
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
