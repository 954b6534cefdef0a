using System.Text.Json;

namespace ActorConcurrency.Host.BenchReport;

/// <summary>The few ways the report's readers take values out of BenchmarkDotNet's JSON: absent or mistyped is null or empty.</summary>
internal static class JsonFields
{
    public static JsonDocument ParseFile(string file)
    {
        using FileStream stream = File.OpenRead(file);
        return JsonDocument.Parse(stream);
    }

    public static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
