using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Tests.Findings;

/// <summary>Builders that fill every field a test does not care about.</summary>
internal static class Some
{
    public static Finding Finding(
        string rule = "case.overdue-statutory",
        Severity severity = Severity.Red,
        string subject = "case:XK-1",
        string unit = "U01",
        string message = "办件XK-1超过法定时限",
        Evidence? evidence = null) => new()
        {
            Rule = rule,
            Severity = severity,
            Subject = subject,
            Unit = unit,
            AsOf = new DateOnly(2025, 11, 3),
            OccurredOn = new DateOnly(2025, 10, 31),
            Message = message,
            Basis = "《中华人民共和国行政许可法》第四十二条",
            Evidence = evidence ?? new Evidence().Add("used", 22),
            RuleSet = "2026-01+3f2a9c1e",
            Fingerprint = FindingFingerprint.Of(rule, subject),
        };

    public static Reject Reject(
        string file = "cases.csv",
        int line = 2,
        string column = "受理时间",
        string value = "2025-13-01",
        string reason = RejectReason.BadDate,
        string message = "日期无法识别") => new("cases", file, line, column, value, reason, message);

    public static RuleSet RuleSet() => new()
    {
        Directory = "rules",
        Version = "2026-01",
        Hash = "3f2a9c1e",
        Settings = new Settings(),
        Calendar = new WorkingCalendar([2025], []),
        Items = new Dictionary<string, Item>(),
        Fees = new Dictionary<string, Fee>(),
        Stages = new StageCatalog([], new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>()),
        Units = new Dictionary<string, Unit>(),
        Workflows = [],
    };

    public static CheckResult Result(params Finding[] findings) => new() { Findings = findings };
}
