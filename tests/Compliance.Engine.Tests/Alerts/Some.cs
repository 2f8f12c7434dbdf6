using Compliance.Engine.Alerts;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Alerts;

/// <summary>Builders for ledger tests: findings, runs over them, and a small unit tree U00 ← U01 ← U0101.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Monday = new(2025, 11, 3, 1, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, Unit> Units = new Dictionary<string, Unit>
    {
        ["U00"] = new() { Code = "U00", Name = "效能监察室", Email = "office@example.gov" },
        ["U01"] = new() { Code = "U01", Name = "市场监管局", Parent = "U00", Email = "u01@example.gov", Webhook = "http://127.0.0.1/u01" },
        ["U0101"] = new() { Code = "U0101", Name = "城东分局", Parent = "U01", Email = "u0101@example.gov" },
    };

    public static Finding Finding(
        string rule = "fee.unknown",
        string subject = "charge:C1",
        string unit = "U0101",
        Severity severity = Severity.Red,
        DateOnly? asOf = null,
        bool? open = null,
        int used = 3)
    {
        var evidence = new Evidence().Add("used", used);
        if (open is { } o)
        {
            evidence.Add("open", o);
        }
        return new Finding
        {
            Rule = rule,
            Severity = severity,
            Subject = subject,
            Unit = unit,
            AsOf = asOf ?? new DateOnly(2025, 11, 3),
            OccurredOn = new DateOnly(2025, 10, 31),
            Message = $"{subject} {rule}",
            Basis = "《中华人民共和国行政许可法》第四十二条",
            Evidence = evidence,
            RuleSet = "2026-01+3f2a9c1e",
            Fingerprint = FindingFingerprint.Of(rule, subject),
        };
    }

    public static RunRecord Run(DateOnly asOf, IEnumerable<string> feeds, params Finding[] findings) => new()
    {
        Trigger = "test",
        StartedAt = Monday,
        AsOf = asOf,
        RuleSetVersion = "2026-01",
        RuleSetHash = "3f2a9c1e",
        Inputs = feeds.Select(f => new InputFile(f, f + ".csv", new string('a', 64), "utf-8")).ToList(),
        Findings = findings,
        CoveredFeeds = feeds.ToHashSet(StringComparer.Ordinal),
        Unjudged = new HashSet<string>(StringComparer.Ordinal),
        RejectCount = 0,
        SummaryJson = "{}",
        DurationMs = 1,
    };

    /// <summary>A run judged from <paramref name="baseRun"/>'s findings: the ledger may store it as changes.</summary>
    public static RunRecord Since(long baseRun, IReadOnlyList<Finding> baseFindings, RunRecord run) => run with { Base = new RunBase(baseRun, baseFindings) };

    public static RunRecord Run(params Finding[] findings) => Run(new DateOnly(2025, 11, 3), ["cases", "charges", "stages"], findings);

    /// <summary>A run that failed on a custom rule, over one charges file whose content <paramref name="sha"/> names.</summary>
    public static RunFailure Failure(string ruleSetHash = "3f2a9c1e", char sha = 'b', string trigger = "daily", DateTimeOffset? startedAt = null) => new()
    {
        Trigger = trigger,
        StartedAt = startedAt ?? Monday,
        AsOf = new DateOnly(2025, 11, 3),
        RuleSetVersion = "2026-01",
        RuleSetHash = ruleSetHash,
        Inputs = [new InputFile("charges", "charges.csv", new string(sha, 64), "")],
        Error = "workflows/npe.json:1: 规则 local.npe 在 charge:JK-0001 上运行出错：取了空值（null）的成员（NullReferenceException）",
        DurationMs = 5,
    };

    public static DeliveryPlan Plan(bool digest = false) => new() { Email = true, Webhook = true, FileDrop = false, DigestByDefault = digest };
}
