using ActorConcurrency.PropertyChecks;
using CsCheck;

namespace ActorConcurrency.Tests.Support;

/// <summary>What every failing property must report: its name, the seed that replays it, and CsCheck's shrunk example.</summary>
internal static class PropertyFailureAssert
{
    /// <param name="error">What the property threw.</param>
    /// <param name="property">The name the property was run under.</param>
    /// <param name="exampleFragments">Text the shrunk example must contain (operation names, CsCheck's section headings).</param>
    public static void NamesPropertySeedAndExample(Exception error, string property, params string[] exampleFragments)
    {
        var failure = Assert.IsType<PropertyFailedException>(error);
        Assert.IsType<CsCheckException>(failure.InnerException);
        Assert.Equal(property, failure.Property);
        Assert.False(string.IsNullOrEmpty(failure.Seed), failure.Message);
        Assert.StartsWith($"Property '{property}' failed with seed {failure.Seed}.", failure.Message);
        Assert.Contains($"Set seed: \"{failure.Seed}\"", failure.Message);
        foreach (string fragment in exampleFragments)
        {
            Assert.True(failure.Message.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' is not in the report:{Environment.NewLine}{failure.Message}");
        }
    }
}
