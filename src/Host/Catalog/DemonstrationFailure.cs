using ActorConcurrency.Demonstrations;

namespace ActorConcurrency.Host.Catalog;

/// <summary>A demonstration that threw instead of returning its result: reported as one that did not hold.</summary>
/// <param name="Exception">The exception's type name.</param>
/// <param name="Message">Its message.</param>
internal sealed record DemonstrationFailure(string Exception, string Message) : IDemonstrationResult
{
    public bool Held => false;

    public string Evidence => $"failed: {Exception}: {Message}";
}
