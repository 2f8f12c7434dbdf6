using System.Collections;
using System.Globalization;
using Newtonsoft.Json;

namespace Compliance.Engine.Findings;

/// <summary>
/// Writes <see cref="Evidence"/> as a JSON object in its own key order. Only value types with a single exact text
/// form are accepted, so the same evidence is the same bytes on every machine: anything else (a double, an enum,
/// a dictionary) is a programming error in the rule that built it and is refused with the key that holds it.
/// </summary>
internal static class EvidenceJson
{
    public static void WriteObject(JsonWriter json, Evidence evidence)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        json.WriteStartObject();
        foreach (var (key, value) in evidence)
        {
            if (!seen.Add(key))
            {
                throw new ArgumentException($"Evidence key '{key}' is written twice; each key must be unique.", nameof(evidence));
            }
            json.WritePropertyName(key);
            WriteValue(json, key, value);
        }
        json.WriteEndObject();
    }

    /// <summary>Yuan with exactly two decimals (600 → 600.00), written as a JSON number.</summary>
    public static string Money(decimal value) =>
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteValue(JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull();
                break;
            case string s:
                json.WriteValue(s);
                break;
            case int i:
                json.WriteValue(i);
                break;
            case long l:
                json.WriteValue(l);
                break;
            case bool b:
                json.WriteValue(b);
                break;
            case decimal d:
                json.WriteRawValue(Money(d));
                break;
            case DateOnly date:
                json.WriteValue(Date(date));
                break;
            case Evidence nested:
                WriteObject(json, nested);
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(json, key, item);
                }
                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException(
                    $"Evidence key '{key}' holds a {value.GetType().Name}, which has no fixed JSON form; use string, int, " +
                    "long, bool, decimal, DateOnly, a list of those or a nested Evidence.",
                    nameof(value));
        }
    }
}
