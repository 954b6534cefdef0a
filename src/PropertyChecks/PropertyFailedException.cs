using System.Text.RegularExpressions;
using CsCheck;

namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// A property that did not hold. Its message names the property and the seed that reproduces the failure,
/// then carries CsCheck's own report: the shrunk, minimal failing example (for a parallel property: the
/// initial state, the sequential and parallel operations, the threads they ran on, the final state and every
/// linearization tried). The CsCheck exception is the inner exception. An exception that escapes CsCheck
/// itself (the harness broke, not the form) is wrapped the same way, without a seed.
/// </summary>
internal sealed partial class PropertyFailedException : Exception
{
    public PropertyFailedException(string property, Exception failure)
        : base(Describe(property, failure), failure)
    {
        Property = property;
        Seed = SeedOf(failure.Message);
    }

    /// <summary>The property's name, as <c>run 15</c> lists it.</summary>
    public string Property { get; }

    /// <summary>The seed CsCheck printed (set <c>CsCheck_Seed</c> to it to replay the failing case), or null if it printed none.</summary>
    public string? Seed { get; }

    private static string Describe(string property, Exception failure) => failure is CsCheckException
        ? $"Property '{property}' failed with seed {SeedOf(failure.Message) ?? "(none printed)"}.{Environment.NewLine}{failure.Message}"
        : $"Property '{property}' failed outside CsCheck's check: {failure}";

    private static string? SeedOf(string report) => SeedLine().Match(report) is { Success: true } match ? match.Groups["seed"].Value : null;

    [GeneratedRegex("Set seed: \"(?<seed>[^\"]+)\"")]
    private static partial Regex SeedLine();
}
