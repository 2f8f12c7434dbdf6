using System.Text;
using Compliance.Engine.Catalog;
using Compliance.Engine.Catalog.Loading;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Compliance.Rules.Testing;

/// <summary>
/// Runs rule tests: each test's records go through the same ingest as a feed file and the same checker as a
/// run, so a test exercises exactly what production does.
/// </summary>
public static class RuleTestRunner
{
    private static readonly string[] FeedOrder = ["cases", "procedures", "charges", "stages"];

    public static RuleTestReport Run(Checker checker, IReadOnlyList<RuleTest> tests)
    {
        var rules = checker.Rules.ToDictionary(r => r.Rule, r => r.SubjectPrefix, StringComparer.Ordinal);
        var results = tests.Select(t => RunOne(checker, rules, t)).ToList();
        var coverage = checker.Rules
            .Select(r => new RuleCoverage(
                r.Rule,
                Fired: results.Any(x => x.Findings.Any(f => f.Rule == r.Rule)),
                Silent: results.Any(x => x.JudgedSubjects.Any(s => s.StartsWith(r.SubjectPrefix, StringComparison.Ordinal)
                    && !x.Findings.Any(f => f.Rule == r.Rule && f.Subject == s)))))
            .ToList();
        return new RuleTestReport(results, coverage);
    }

    private static RuleTestResult RunOne(Checker checker, IReadOnlyDictionary<string, string> rules, RuleTest test)
    {
        var failures = new List<string>();
        var ingest = new FeedIngest(checker.RuleSet.Stages);
        foreach (var feed in FeedOrder)
        {
            if (test.Records.TryGetValue(feed, out var records))
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(records.ToString(Formatting.None)));
                ingest.ReadFile(feed, stream, $"{feed}.json");
            }
        }
        var data = ingest.Data;
        foreach (var reject in data.Rejects)
        {
            failures.Add($"记录被拒收：{reject.Feed} 第{reject.Line}条 {reject.Column} \"{reject.Value}\"（{reject.Reason}）：{reject.Message}");
        }

        IReadOnlyList<Finding> findings;
        CheckResult result;
        try
        {
            result = checker.Check(data, test.AsOf);
            findings = result.Findings;
        }
        catch (RuleEvaluationException ex)
        {
            failures.AddRange(ex.Message.Split(Environment.NewLine));
            return new RuleTestResult(test, failures, [], new HashSet<string>());
        }

        var subjects = RecordSubjects(data);
        var unmatchable = test.Expect.Concat(test.ExpectNot)
            .Select(e => (Expectation: e, Why: WhyUnmatchable(e, rules, subjects)))
            .Where(x => x.Why is not null)
            .ToList();
        failures.AddRange(unmatchable.Select(x => x.Why!));
        var checkable = unmatchable.Select(x => x.Expectation).ToHashSet();

        foreach (var expected in test.Expect.Where(e => !checkable.Contains(e)))
        {
            var got = findings.Where(f => f.Rule == expected.Rule && f.Subject == expected.Subject).ToList();
            if (got.Count == 0)
            {
                failures.Add($"期望 {expected}，实际 {Describe(findings.Where(f => f.Subject == expected.Subject))}");
                continue;
            }
            var f = got[0];
            if (expected.Severity is { } sev && f.Severity.ToCode() != sev)
            {
                failures.Add($"{expected.Rule} {expected.Subject}：期望级别为 {sev}，实际为 {f.Severity.ToCode()}");
            }
            if (expected.OccurredOn is { } on && f.OccurredOn.ToString("yyyy-MM-dd", null) != on)
            {
                failures.Add($"{expected.Rule} {expected.Subject}：期望 occurredOn 为 {on}，实际为 {f.OccurredOn:yyyy-MM-dd}");
            }
            if (expected.Evidence is { } ev)
            {
                var actual = EvidenceObject(f.Evidence);
                foreach (var p in ev.Properties())
                {
                    var value = actual[p.Name];
                    if (value is null || !SameValue(p.Value, value))
                    {
                        failures.Add($"{expected.Rule} {expected.Subject}：期望 evidence.{p.Name} 为 {p.Value.ToString(Formatting.None)}，实际为 {value?.ToString(Formatting.None) ?? "（无此项）"}");
                    }
                }
            }
        }
        foreach (var unwanted in test.ExpectNot.Where(e => !checkable.Contains(e)))
        {
            if (findings.Any(f => f.Rule == unwanted.Rule && f.Subject == unwanted.Subject))
            {
                failures.Add($"不应有 {unwanted.Rule} {unwanted.Subject}，实际有：{findings.First(f => f.Rule == unwanted.Rule && f.Subject == unwanted.Subject).Message}");
            }
        }
        if (test.Only)
        {
            foreach (var f in findings.Where(f => !test.Expect.Any(e => e.Rule == f.Rule && e.Subject == f.Subject)))
            {
                failures.Add($"意外的问题 {f.Rule} {f.Subject} {f.Severity.ToCode()}：{f.Message}");
            }
        }
        var judged = JudgedSubjects(data, findings, test.AsOf);
        // A clock left unjudged for want of a calendar proves nothing about a rule staying silent.
        judged.ExceptWith(result.CalendarMissing.Values.SelectMany(s => s));
        return new RuleTestResult(test, failures, findings, judged);
    }

    /// <summary>
    /// Why an expectation can never match, or null. An <c>expectNot</c> naming a misspelt rule or a record the
    /// test does not hold would pass whatever the rules do: a test that cannot fail.
    /// </summary>
    private static string? WhyUnmatchable(RuleTestExpectation e, IReadOnlyDictionary<string, string> rules, IReadOnlySet<string> subjects)
    {
        if (!rules.TryGetValue(e.Rule, out var prefix))
        {
            return BuiltInChecks.Codes.Contains(e.Rule)
                ? $"第{e.Line}行：内置检查 {e.Rule} 已在 settings.json 的 checks 中停用，这条期望无从判断"
                : $"第{e.Line}行：规则集中没有运行规则 {e.Rule}（未定义或已停用）{KeySuggestion.Hint(e.Rule, rules.Keys)}";
        }
        if (!e.Subject.StartsWith(prefix, StringComparison.Ordinal))
        {
            return $"第{e.Line}行：规则 {e.Rule} 判定的主体形如 {prefix}…，而期望写的是 {e.Subject}";
        }
        if (prefix != Subjects.UnitPrefix && !subjects.Contains(e.Subject))
        {
            var same = subjects.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            return $"第{e.Line}行：主体 {e.Subject} 不是本测试记录中的主体（本测试的{prefix}主体：{(same.Count == 0 ? "无" : string.Join("、", same))}）";
        }
        return null;
    }

    private static HashSet<string> RecordSubjects(FeedData data)
    {
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        subjects.UnionWith(data.Cases.Select(c => Subjects.Case(c.CaseId)));
        subjects.UnionWith(data.Charges.Select(c => Subjects.Charge(c.ChargeId)));
        subjects.UnionWith(data.Stages.Select(s => Subjects.Stage(s.ProjectCode, s.Stage)));
        return subjects;
    }

    private static HashSet<string> JudgedSubjects(FeedData data, IReadOnlyList<Finding> findings, DateOnly asOf)
    {
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in data.Cases.Where(c => c.Status is not (CaseStatus.Void or CaseStatus.Returned) && c.AcceptedOn <= asOf))
        {
            subjects.Add(Subjects.Case(c.CaseId));
        }
        foreach (var c in data.Charges.Where(c => c.ChargedOn <= asOf))
        {
            subjects.Add(Subjects.Charge(c.ChargeId));
        }
        foreach (var s in data.Stages.Where(s => s.StartedOn <= asOf))
        {
            subjects.Add(Subjects.Stage(s.ProjectCode, s.Stage));
        }
        foreach (var f in findings.Where(f => f.Severity == Severity.Red && f.Unit.Length > 0))
        {
            subjects.Add(Subjects.Unit(f.Unit));
        }
        return subjects;
    }

    private static string Describe(IEnumerable<Finding> findings)
    {
        var list = findings.Select(f => $"{f.Rule} {f.Severity.ToCode()} {f.OccurredOn:yyyy-MM-dd}").ToList();
        return list.Count == 0 ? "该主体没有任何问题" : string.Join("；", list);
    }

    private static JObject EvidenceObject(Evidence evidence)
    {
        using var reader = new JsonTextReader(new StringReader(EvidenceJson.Text(evidence))) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    private static bool SameValue(JToken expected, JToken actual)
    {
        if (expected is JValue { Type: JTokenType.Integer or JTokenType.Float } e && actual is JValue { Type: JTokenType.Integer or JTokenType.Float } a)
        {
            return Convert.ToDecimal(e.Value, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDecimal(a.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (expected is JObject eo && actual is JObject ao)
        {
            return eo.Properties().All(p => ao[p.Name] is { } v && SameValue(p.Value, v));
        }
        return JToken.DeepEquals(expected, actual);
    }
}
