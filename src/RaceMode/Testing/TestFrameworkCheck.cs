using ActorConcurrency.RaceMode.Loading;
using Mono.Cecil;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>
/// Refuses, in one line, a test assembly <c>race-mode test</c> cannot run: one that references no test framework, or
/// another than xunit v2 (xunit v3, NUnit, MSTest, TUnit), a newer xunit v2 than race mode carries, or a custom xunit
/// test framework.
/// </summary>
internal static class TestFrameworkCheck
{
    /// <summary>The xunit.core race mode runs tests with; test assemblies built against it or an older 2.x run.</summary>
    public static Version SupportedXunit { get; } = typeof(Xunit.FactAttribute).Assembly.GetName().Version!;

    /// <exception cref="RaceInputException">Not an xunit v2 test assembly race mode can run (the message says what to do).</exception>
    public static void Require(TargetAssembly target)
    {
        string file = Path.GetFileName(target.Path);
        string[] names = target.References.Select(r => r.Name).ToArray();
        string? other = names.Any(n => n.StartsWith("xunit.v3", StringComparison.OrdinalIgnoreCase)) ? "xunit v3"
            : names.Contains("nunit.framework", StringComparer.OrdinalIgnoreCase) ? "NUnit"
            : names.Any(n => n.StartsWith("Microsoft.VisualStudio.TestPlatform.TestFramework", StringComparison.Ordinal) || n == "MSTest.TestFramework") ? "MSTest"
            : names.Any(n => n.StartsWith("TUnit", StringComparison.Ordinal)) ? "TUnit"
            : null;
        if (other is not null)
        {
            throw new RaceInputException($"{file} uses {other}; race-mode test runs xunit v2 tests (the xunit package 2.x): port the tests, or run the code under test with race-mode exec from a console app");
        }

        AssemblyNameReference? xunit = target.References.FirstOrDefault(r => r.Name == "xunit.core");
        if (xunit is null)
        {
            throw new RaceInputException(
                target.HasEntryPoint && !names.Any(n => n.StartsWith("xunit", StringComparison.OrdinalIgnoreCase))
                    ? $"{file} is not a test assembly (it references no test framework): for a console app use 'race-mode exec {file}'"
                    : $"{file} is not an xunit v2 test assembly (it references no xunit.core): give the .dll of a test project that uses the xunit package 2.x");
        }

        if (xunit.Version > SupportedXunit)
        {
            throw new RaceInputException($"{file} is built against xunit.core {xunit.Version}, newer than race mode's {SupportedXunit}: build the tests with xunit {SupportedXunit.ToString(3)} or older 2.x");
        }

        using ModuleDefinition module = ModuleDefinition.ReadModule(target.Path);
        if (module.Assembly.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == "Xunit.TestFrameworkAttribute") is { } custom)
        {
            string name = custom.ConstructorArguments.Count > 0 ? custom.ConstructorArguments[0].Value as string ?? "?" : "?";
            throw new RaceInputException($"{file} runs its tests with a custom xunit test framework ({name}); race-mode test runs xunit's own: remove [assembly: TestFramework] to run it here");
        }
    }
}
