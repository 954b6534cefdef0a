using Xunit.Abstractions;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>xunit v2's discovery and execution options: a bag of named values (the runner utility's is not a package here).</summary>
internal sealed class XunitOptions : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out object? value) && value is TValue typed ? typed : default!;

    public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
}
