using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Compliance.Engine.Findings;

/// <summary>
/// Writes <see cref="Evidence"/> as a JSON object in its own key order. Only value types with a single exact text
/// form are accepted, so the same evidence is the same bytes on every machine: anything else (a double, an enum,
/// a dictionary) is a programming error in the rule that built it and is refused with the key that holds it.
/// </summary>
internal static class EvidenceJson
{
    public const string MoneyFormat = "0.00";

    public const string DateFormat = "yyyy-MM-dd";

    private const int FewKeys = 16;

    /// <summary>The evidence as compact JSON text: the ledger's rows, and what rule tests compare against.</summary>
    public static string Text(Evidence evidence)
    {
        using var json = new JsonUtf8Writer(capacity: 1024);
        WriteObject(json, evidence);
        return Encoding.UTF8.GetString(json.Written);
    }

    // Optimized from the first call because a check runs it tens of thousands of times once, never long enough to
    // be re-compiled.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteObject(JsonUtf8Writer json, Evidence evidence)
    {
        // Evidence mostly holds a handful of keys: looking back over them is cheaper than a set built per finding.
        var seen = evidence.Count > FewKeys ? new HashSet<string>(StringComparer.Ordinal) : null;
        json.WriteStartObject();
        for (var i = 0; i < evidence.Count; i++)
        {
            var (key, value) = evidence[i];
            if (seen is null ? IsRepeated(evidence, i) : !seen.Add(key))
            {
                throw new ArgumentException($"Evidence key '{key}' is written twice; each key must be unique.", nameof(evidence));
            }
            json.WritePropertyName(key);
            WriteValue(json, key, value);
        }
        json.WriteEndObject();
    }

    /// <summary>Yuan with exactly two decimals (600 → 600.00), written as a JSON number.</summary>
    public static string Money(decimal value) => Cents(value).ToString(MoneyFormat, CultureInfo.InvariantCulture);

    /// <summary>The amount <see cref="Money"/> writes: rounded to the fen, half away from zero.</summary>
    public static decimal Cents(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsRepeated(Evidence evidence, int index)
    {
        var key = evidence[index].Key;
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(evidence[i].Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteValue(JsonUtf8Writer json, string key, object? value)
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
                json.WriteMoney(d);
                break;
            case DateOnly date:
                json.WriteDate(date);
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
