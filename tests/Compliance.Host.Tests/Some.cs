using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Host.Tests;

/// <summary>Builders that fill every field a test does not care about.</summary>
internal static class Some
{
    public static Finding Finding(string unit = "U01", Severity severity = Severity.Red, string rule = "fee.unknown") => new()
    {
        Rule = rule,
        Severity = severity,
        Subject = "charge:C1",
        Unit = unit,
        AsOf = new DateOnly(2025, 11, 3),
        OccurredOn = new DateOnly(2025, 10, 1),
        Message = "目录外收费",
        Basis = "《行政许可法》第五十九条",
        Evidence = new Evidence(),
        RuleSet = "2026-01+3f2a9c1e",
        Fingerprint = "f",
    };

    public static Reject Reject(string reason) => new("cases", "cases.csv", 2, "受理时间", "x", reason, "无法识别");

    public static RuleSet RuleSet(params Unit[] units) => new()
    {
        Directory = "rules",
        Version = "2026-01",
        Hash = "3f2a9c1e",
        Settings = new Settings(),
        Calendar = new WorkingCalendar([2025], []),
        Items = new Dictionary<string, Item>(),
        Fees = new Dictionary<string, Fee>(),
        Stages = new StageCatalog([], new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>()),
        Units = units.ToDictionary(u => u.Code),
        Workflows = [],
    };

    public static Unit Unit(string code, string name) => new() { Code = code, Name = name };
}
