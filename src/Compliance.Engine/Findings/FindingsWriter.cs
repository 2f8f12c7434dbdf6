using Compliance.Engine.Catalog;
using Newtonsoft.Json;

namespace Compliance.Engine.Findings;

/// <summary>
/// findings.jsonl (findings.md): one finding per line with the keys in the contract's order, in the order given
/// (the checker has already sorted them). Chinese text is written as is, not \u-escaped.
/// </summary>
public static class FindingsWriter
{
    public const string FileName = "findings.jsonl";

    public static void WriteFile(string path, IEnumerable<Finding> findings)
    {
        using var stream = File.Create(path);
        Write(stream, findings);
    }

    public static void Write(Stream output, IEnumerable<Finding> findings)
    {
        using var text = Utf8Output.Open(output);
        // One JSON writer for the whole file: each finding is a top-level object followed by a line break.
        using var json = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false };
        foreach (var finding in findings)
        {
            WriteLine(json, text, finding);
        }
    }

    private static void WriteLine(JsonTextWriter json, TextWriter text, Finding f)
    {
        json.WriteStartObject();
        json.WritePropertyName("rule");
        json.WriteValue(f.Rule);
        json.WritePropertyName("severity");
        json.WriteValue(f.Severity.ToCode());
        json.WritePropertyName("subject");
        json.WriteValue(f.Subject);
        json.WritePropertyName("unit");
        json.WriteValue(f.Unit);
        json.WritePropertyName("asOf");
        json.WriteValue(EvidenceJson.Date(f.AsOf));
        json.WritePropertyName("occurredOn");
        json.WriteValue(EvidenceJson.Date(f.OccurredOn));
        json.WritePropertyName("message");
        json.WriteValue(f.Message);
        json.WritePropertyName("basis");
        json.WriteValue(f.Basis);
        json.WritePropertyName("evidence");
        EvidenceJson.WriteObject(json, f.Evidence);
        json.WritePropertyName("ruleSet");
        json.WriteValue(f.RuleSet);
        json.WritePropertyName("fingerprint");
        json.WriteValue(f.Fingerprint);
        json.WriteEndObject();
        text.Write('\n');
    }
}
