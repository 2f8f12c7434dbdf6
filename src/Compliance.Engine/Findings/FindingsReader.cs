using System.Globalization;
using Compliance.Engine.Catalog;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Compliance.Engine.Findings;

/// <summary>
/// Reads findings.jsonl back into findings, so that a later run can start from an earlier one. Values come back
/// as the types that write the same bytes: strings (dates included), long, decimal (yuan), bool, lists and
/// nested evidence.
/// </summary>
public static class FindingsReader
{
    public static List<Finding> ReadFile(string path)
    {
        var findings = new List<Finding>();
        using var text = new StreamReader(path);
        var lineNumber = 0;
        while (text.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            using var reader = new JsonTextReader(new StringReader(line)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
            var o = JObject.Load(reader);
            findings.Add(new Finding
            {
                Rule = Text(o, "rule", path, lineNumber),
                Severity = SeverityNames.TryParse(Text(o, "severity", path, lineNumber), out var severity)
                    ? severity
                    : throw new InvalidDataException($"{path}:{lineNumber}: unknown severity"),
                Subject = Text(o, "subject", path, lineNumber),
                Unit = Text(o, "unit", path, lineNumber),
                AsOf = Date(o, "asOf", path, lineNumber),
                OccurredOn = Date(o, "occurredOn", path, lineNumber),
                Message = Text(o, "message", path, lineNumber),
                Basis = Text(o, "basis", path, lineNumber),
                Evidence = EvidenceOf(o["evidence"] as JObject ?? throw new InvalidDataException($"{path}:{lineNumber}: no evidence")),
                RuleSet = Text(o, "ruleSet", path, lineNumber),
                Fingerprint = Text(o, "fingerprint", path, lineNumber),
            });
        }
        return findings;
    }

    private static Evidence EvidenceOf(JObject o)
    {
        var e = new Evidence();
        foreach (var p in o.Properties())
        {
            e.Add(p.Name, ValueOf(p.Value));
        }
        return e;
    }

    private static object? ValueOf(JToken token) => token switch
    {
        JObject o => EvidenceOf(o),
        JArray a => a.Select(ValueOf).ToList(),
        JValue { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.String } v => (string)v!,
        JValue { Type: JTokenType.Integer } v => Convert.ToInt64(v.Value, CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Float } v => Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Boolean } v => (bool)v!,
        _ => throw new InvalidDataException($"unexpected evidence value {token.Type}"),
    };

    private static string Text(JObject o, string key, string path, int line) =>
        o[key]?.Type == JTokenType.String ? (string)o[key]! : throw new InvalidDataException($"{path}:{line}: missing \"{key}\"");

    private static DateOnly Date(JObject o, string key, string path, int line) =>
        DateOnly.ParseExact(Text(o, key, path, line), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
