using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActorConcurrency.Demonstrations;
using ActorConcurrency.Host.Catalog;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// <c>--json</c>: one JSON object per task on one line of standard output (JSON Lines): number, title, verdict,
/// evidence, what was not observed, seconds, and <c>result</c>, the experiment's result record itself (its figures,
/// property names in camelCase), so a script reads the figures without parsing tables. A task not yet moved to the
/// Demonstrations library has <c>tables</c> instead: every table it printed, rows keyed by column.
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

    /// <summary>The verdict word: <c>held</c>, <c>did not hold</c>, or <c>interrupted</c>.</summary>
    public static string Verdict(IDemonstrationResult outcome) => outcome.Held ? "held" : "did not hold";

    public static string Line(TaskInfo task, IDemonstrationResult outcome, TimeSpan elapsed, IReadOnlyList<Table> tables)
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
            if (outcome is DemoOutcome)
            {
                json.WriteStartArray("tables");
                foreach (Table table in tables)
                {
                    WriteTable(json, table);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WritePropertyName("result");
                JsonSerializer.Serialize(json, outcome, outcome.GetType(), RecordOptions);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTable(Utf8JsonWriter json, Table table)
    {
        string[] columns = table.Columns.Select(c => TableLayout.PlainText(c.Header)).ToArray();
        json.WriteStartObject();
        if (table.Title is { } title)
        {
            json.WriteString("title", TableLayout.PlainText(new Markup(title.Text)));
        }

        json.WriteStartArray("rows");
        foreach (TableRow row in table.Rows)
        {
            json.WriteStartObject();
            int i = 0;
            foreach (IRenderable cell in row)
            {
                string name = i < columns.Length && columns[i].Length > 0 ? columns[i] : $"column {i + 1}";
                WriteCell(json, name, TableLayout.PlainText(cell));
                i++;
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A number printed with group separators ("1,000", "-3.5") is written as a number; anything else as text.</summary>
    internal static void WriteCell(Utf8JsonWriter json, string name, string text)
    {
        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || (text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1])))
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteString(name, text);
        }
    }
}
