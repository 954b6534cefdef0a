using System.Text.Json;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Commands;

namespace ActorConcurrency.Tests.Support;

/// <summary>A result record as <c>--json</c> writes it under <c>result</c>, so a spec sees that every record serialises and what it says.</summary>
public static class ResultJson
{
    public static JsonElement Of(IDemonstrationResult result)
    {
        string text = JsonSerializer.Serialize(result, result.GetType(), TaskResultJson.RecordOptions);
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
