using System.Collections;
using System.Globalization;
using System.Text;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Newtonsoft.Json;

namespace Compliance.Engine.Tests.Findings;

/// <summary>
/// The straightforward serialization the output writers replaced, kept as the oracle for their bytes: Newtonsoft's
/// JsonTextWriter over one strict UTF-8 text writer with <c>\n</c> line ends, one finding after the other, evidence
/// written value by value. Deliberately independent of the engine's own JSON code.
/// </summary>
internal static class NewtonsoftFindings
{
    public static byte[] Write(IEnumerable<Finding> findings)
    {
        using var buffer = new MemoryStream();
        using (var text = NewText(buffer))
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false })
        {
            foreach (var f in findings)
            {
                json.WriteStartObject();
                Property(json, "rule", f.Rule);
                Property(json, "severity", f.Severity.ToCode());
                Property(json, "subject", f.Subject);
                Property(json, "unit", f.Unit);
                Property(json, "asOf", Date(f.AsOf));
                Property(json, "occurredOn", Date(f.OccurredOn));
                Property(json, "message", f.Message);
                Property(json, "basis", f.Basis);
                json.WritePropertyName("evidence");
                WriteEvidence(json, f.Evidence);
                Property(json, "ruleSet", f.RuleSet);
                Property(json, "fingerprint", f.Fingerprint);
                json.WriteEndObject();
                text.Write('\n');
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A strict UTF-8 writer with <c>\n</c> line ends, as every output file is written.</summary>
    public static StreamWriter NewText(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), 65536, leaveOpen: true)
        {
            NewLine = "\n",
        };

    private static void Property(JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Evidence alone, as compact JSON text.</summary>
    public static string EvidenceText(Evidence evidence)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text))
        {
            WriteEvidence(json, evidence);
        }
        return text.ToString();
    }

    private static void WriteEvidence(JsonWriter json, Evidence evidence)
    {
        json.WriteStartObject();
        foreach (var (key, value) in evidence)
        {
            json.WritePropertyName(key);
            WriteValue(json, value);
        }
        json.WriteEndObject();
    }

    private static void WriteValue(JsonWriter json, object? value)
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
                json.WriteRawValue(decimal.Round(d, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                json.WriteValue(Date(date));
                break;
            case Evidence nested:
                WriteEvidence(json, nested);
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"no JSON form for {value.GetType().Name}", nameof(value));
        }
    }
}
