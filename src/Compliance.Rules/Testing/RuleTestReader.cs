using System.Globalization;
using System.Text;
using Compliance.Engine.Catalog;
using Compliance.Engine.Catalog.Loading;
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

    /// <summary>The tests of one file; its problems are added to <paramref name="problems"/> in the order of the file.</summary>
    public static IReadOnlyList<RuleTest> Read(string file, string json, List<RuleSetProblem> problems)
    {
        var found = new List<RuleSetProblem>();
        var tests = ReadUnsorted(file, json, found);
        problems.AddRange(found.OrderBy(p => p.Line).ThenBy(p => p.Column));
        return tests;
    }

    private static List<RuleTest> ReadUnsorted(string file, string json, ICollection<RuleSetProblem> problems)
    {
        var log = new ProblemLog();
        var source = JsonSource.Parse(file, Encoding.UTF8.GetBytes(json), log);
        foreach (var p in log.Sorted())
        {
            problems.Add(p);
        }
        if (source is null)
        {
            return [];
        }
        var root = source.Root;
        var items = root switch
        {
            JObject { } o when o["tests"] is JArray a => a,
            JArray a => a,
            _ => null,
        };
        if (items is null)
        {
            Add(problems, source, root, "测试文件应为 { \"tests\": [ … ] } 或测试数组");
            return [];
        }
        var tests = new List<RuleTest>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in items)
        {
            if (token is not JObject t)
            {
                Add(problems, source, token, "每个测试应为 JSON 对象");
                continue;
            }
            var before = problems.Count;
            foreach (var p in t.Properties().Where(p => !TestKeys.Contains(p.Name)))
            {
                Add(problems, source, p, $"未知的测试键 `{p.Name}`{KeySuggestion.Hint(p.Name, TestKeys)}");
            }
            var name = t["name"]?.Type == JTokenType.String ? (string)t["name"]! : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                Add(problems, source, t, "测试缺少 \"name\"（测试名称）");
            }
            else if (!names.Add(name))
            {
                Add(problems, source, t["name"]!, $"测试名称 \"{name}\" 重复");
            }
            var asOf = Date(t["asOf"], source, problems, "asOf") ?? default;
            if (t["asOf"] is null)
            {
                Add(problems, source, t, $"测试 \"{name}\" 缺少 \"asOf\" 日期（YYYY-MM-DD）");
            }
            var records = new Dictionary<string, JArray>(StringComparer.Ordinal);
            if (t["records"] is JObject r)
            {
                foreach (var p in r.Properties())
                {
                    if (!Feeds.Contains(p.Name))
                    {
                        Add(problems, source, p, $"未知的数据 `{p.Name}`，应为 cases、procedures、charges、stages 之一{KeySuggestion.Hint(p.Name, Feeds)}");
                    }
                    else if (p.Value is JArray array)
                    {
                        records[p.Name] = array;
                    }
                    else
                    {
                        Add(problems, source, p.Value, $"records.{p.Name} 应为记录数组");
                    }
                }
            }
            else
            {
                Add(problems, source, t, $"测试 \"{name}\" 缺少 \"records\": {{ \"cases\": [ … ], … }}");
            }
            var expect = Expectations(t["expect"], source, problems);
            var expectNot = Expectations(t["expectNot"], source, problems);
            if (expect.Count == 0 && expectNot.Count == 0)
            {
                Add(problems, source, t, $"测试 \"{name}\" 没有任何期望：请给出 \"expect\" 或 \"expectNot\"");
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

    private static List<RuleTestExpectation> Expectations(JToken? token, JsonSource source, ICollection<RuleSetProblem> problems)
    {
        var list = new List<RuleTestExpectation>();
        if (token is null)
        {
            return list;
        }
        if (token is not JArray array)
        {
            Add(problems, source, token, "expect 和 expectNot 应为期望的问题数组");
            return list;
        }
        foreach (var item in array)
        {
            if (item is not JObject e)
            {
                Add(problems, source, item, "期望的问题应为含 \"rule\" 和 \"subject\" 的对象");
                continue;
            }
            foreach (var p in e.Properties().Where(p => !ExpectationKeys.Contains(p.Name)))
            {
                Add(problems, source, p, $"未知的期望键 `{p.Name}`{KeySuggestion.Hint(p.Name, ExpectationKeys)}");
            }
            var rule = (string?)e["rule"];
            var subject = (string?)e["subject"];
            if (string.IsNullOrWhiteSpace(rule) || string.IsNullOrWhiteSpace(subject))
            {
                Add(problems, source, e, "期望的问题需要 \"rule\" 和 \"subject\"");
                continue;
            }
            var severity = (string?)e["severity"];
            if (severity is not null && !SeverityNames.TryParse(severity, out _))
            {
                Add(problems, source, e["severity"]!, $"severity 只能是 warning、yellow 或 red，而不是 \"{severity}\"");
            }
            var occurred = e["occurredOn"] is { } o ? Date(o, source, problems, "occurredOn")?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            list.Add(new RuleTestExpectation(rule, subject, severity, occurred, e["evidence"] as JObject, ((IJsonLineInfo)e).LineNumber));
        }
        return list;
    }

    private static DateOnly? Date(JToken? token, JsonSource source, ICollection<RuleSetProblem> problems, string key)
    {
        if (token is null)
        {
            return null;
        }
        if (token.Type == JTokenType.String && DateOnly.TryParseExact((string)token!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        Add(problems, source, token, $"{key} 应为日期 YYYY-MM-DD，实际为 {token.ToString(Formatting.None)}");
        return null;
    }

    private static void Add(ICollection<RuleSetProblem> problems, JsonSource source, JToken token, string message)
    {
        var at = source.PositionOf(token);
        problems.Add(new RuleSetProblem(at.File, at.Line, at.Column, message));
    }
}
