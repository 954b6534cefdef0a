using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>--json</c>: one JSON object per task on one line of standard output (JSON Lines): number, title, verdict,
/// evidence, what was not observed, seconds, and <c>result</c>, the record the task's experiment returned (its figures,
/// property names in camelCase: the same record the host renders as tables), so a script reads the figures without
/// parsing tables.
/// </summary>
internal static class TaskResultJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>How a result record is written: camelCase names, enums by name, no null members, NaN as a string.</summary>
    internal static readonly JsonSerializerOptions RecordOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The verdict word: <c>held</c> or <c>did not hold</c>.</summary>
    private static string Verdict(IDemonstrationResult outcome) => outcome.Held ? "held" : "did not hold";

    public static string Line(TaskInfo task, IDemonstrationResult outcome, TimeSpan elapsed)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("task", task.Number);
            json.WriteString("title", task.Title);
            json.WriteString("verdict", Verdict(outcome));
            json.WriteBoolean("held", outcome.Held);
            json.WriteString("evidence", outcome.Evidence);
            if (outcome.NotObserved is { } notObserved)
            {
                json.WriteString("notObserved", notObserved);
            }

            json.WriteNumber("seconds", Math.Round(elapsed.TotalSeconds, 2));
            json.WritePropertyName("result");
            JsonSerializer.Serialize(json, outcome, outcome.GetType(), RecordOptions);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
