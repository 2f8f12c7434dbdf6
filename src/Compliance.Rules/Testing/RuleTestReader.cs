using System.Globalization;
using Compliance.Engine.Catalog;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Compliance.Rules.Testing;

/// <summary>
/// Reads <c>tests/*.json</c> of a rule set (format in rules/README.md). A broken test file is a problem with
/// file, line and column, like any other rule file.
/// </summary>
public static class RuleTestReader
{
    private static readonly HashSet<string> TestKeys = new(StringComparer.Ordinal) { "name", "asOf", "records", "expect", "expectNot", "only", "description" };
    private static readonly HashSet<string> Feeds = new(StringComparer.Ordinal) { "cases", "procedures", "charges", "stages" };
    private static readonly HashSet<string> ExpectationKeys = new(StringComparer.Ordinal) { "rule", "subject", "severity", "occurredOn", "evidence" };

    public static IReadOnlyList<RuleTest> ReadFolder(string rulesDirectory, List<RuleSetProblem> problems)
    {
        var dir = Path.Combine(rulesDirectory, "tests");
        if (!Directory.Exists(dir))
        {
            return [];
        }
        var tests = new List<RuleTest>();
        foreach (var path in Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(rulesDirectory, path).Replace('\\', '/');
            tests.AddRange(Read(file, File.ReadAllText(path), problems));
        }
        return tests;
    }

    public static IReadOnlyList<RuleTest> Read(string file, string json, List<RuleSetProblem> problems)
    {
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonReaderException ex)
        {
            problems.Add(new RuleSetProblem(file, ex.LineNumber, ex.LinePosition, $"invalid JSON: {ex.Message}"));
            return [];
        }
        var items = root switch
        {
            JObject { } o when o["tests"] is JArray a => a,
            JArray a => a,
            _ => null,
        };
        if (items is null)
        {
            Add(problems, file, root, "a test file holds { \"tests\": [ … ] } or an array of tests");
            return [];
        }
        var tests = new List<RuleTest>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in items)
        {
            if (token is not JObject t)
            {
                Add(problems, file, token, "a test must be a JSON object");
                continue;
            }
            var before = problems.Count;
            foreach (var p in t.Properties().Where(p => !TestKeys.Contains(p.Name)))
            {
                Add(problems, file, p, $"unknown test key \"{p.Name}\"");
            }
            var name = t["name"]?.Type == JTokenType.String ? (string)t["name"]! : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                Add(problems, file, t, "a test needs a \"name\"");
            }
            else if (!names.Add(name))
            {
                Add(problems, file, t["name"]!, $"duplicate test name \"{name}\"");
            }
            var asOf = Date(t["asOf"], file, problems, "asOf") ?? default;
            if (t["asOf"] is null)
            {
                Add(problems, file, t, $"test \"{name}\" needs an \"asOf\" date");
            }
            var records = new Dictionary<string, JArray>(StringComparer.Ordinal);
            if (t["records"] is JObject r)
            {
                foreach (var p in r.Properties())
                {
                    if (!Feeds.Contains(p.Name))
                    {
                        Add(problems, file, p, $"unknown feed \"{p.Name}\" (cases, procedures, charges, stages)");
                    }
                    else if (p.Value is JArray array)
                    {
                        records[p.Name] = array;
                    }
                    else
                    {
                        Add(problems, file, p.Value, $"records.{p.Name} must be an array of records");
                    }
                }
            }
            else
            {
                Add(problems, file, t, $"test \"{name}\" needs \"records\": {{ \"cases\": [ … ], … }}");
            }
            var expect = Expectations(t["expect"], file, problems);
            var expectNot = Expectations(t["expectNot"], file, problems);
            if (expect.Count == 0 && expectNot.Count == 0)
            {
                Add(problems, file, t, $"test \"{name}\" expects nothing: give \"expect\" or \"expectNot\"");
            }
            if (problems.Count > before)
            {
                continue;
            }
            var info = (IJsonLineInfo)t;
            tests.Add(new RuleTest
            {
                Name = name!,
                File = file,
                Line = info.LineNumber,
                AsOf = asOf,
                Records = records,
                Expect = expect,
                ExpectNot = expectNot,
                Only = t["only"]?.Type == JTokenType.Boolean && (bool)t["only"]!,
            });
        }
        return tests;
    }

    private static List<RuleTestExpectation> Expectations(JToken? token, string file, List<RuleSetProblem> problems)
    {
        var list = new List<RuleTestExpectation>();
        if (token is null)
        {
            return list;
        }
        if (token is not JArray array)
        {
            Add(problems, file, token, "expect and expectNot are arrays of findings");
            return list;
        }
        foreach (var item in array)
        {
            if (item is not JObject e)
            {
                Add(problems, file, item, "an expected finding is an object with \"rule\" and \"subject\"");
                continue;
            }
            foreach (var p in e.Properties().Where(p => !ExpectationKeys.Contains(p.Name)))
            {
                Add(problems, file, p, $"unknown key \"{p.Name}\" (rule, subject, severity, occurredOn, evidence)");
            }
            var rule = (string?)e["rule"];
            var subject = (string?)e["subject"];
            if (string.IsNullOrWhiteSpace(rule) || string.IsNullOrWhiteSpace(subject))
            {
                Add(problems, file, e, "an expected finding needs \"rule\" and \"subject\"");
                continue;
            }
            var severity = (string?)e["severity"];
            if (severity is not null && !SeverityNames.TryParse(severity, out _))
            {
                Add(problems, file, e["severity"]!, "severity must be warning, yellow or red");
            }
            var occurred = e["occurredOn"] is { } o ? Date(o, file, problems, "occurredOn")?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            list.Add(new RuleTestExpectation(rule, subject, severity, occurred, e["evidence"] as JObject, ((IJsonLineInfo)e).LineNumber));
        }
        return list;
    }

    private static DateOnly? Date(JToken? token, string file, List<RuleSetProblem> problems, string key)
    {
        if (token is null)
        {
            return null;
        }
        if (token.Type == JTokenType.String && DateOnly.TryParseExact((string)token!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        Add(problems, file, token, $"{key} must be a date YYYY-MM-DD");
        return null;
    }

    private static void Add(List<RuleSetProblem> problems, string file, JToken token, string message)
    {
        var info = (IJsonLineInfo)token;
        problems.Add(new RuleSetProblem(file, info.HasLineInfo() ? info.LineNumber : 1, info.HasLineInfo() ? info.LinePosition : 1, message));
    }
}
