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

    /// <summary>
    /// A summary.json as a run writes it, its size in its lists as on a large export: <paramref name="orphanCharges"/>
    /// charge ids without a case and <paramref name="calendarMissing"/> open records of a year with no calendar.
    /// </summary>
    public static string Summary(int orphanCharges = 2, int calendarMissing = 2, DateOnly? asOf = null)
    {
        var data = new FeedData();
        data.Files.Add(new InputFile("cases", "cases.csv", new string('a', 64), "gb18030"));
        data.Files.Add(new InputFile("charges", "charges.csv", new string('b', 64), "utf-8-bom"));
        data.StatsFor("charges").Read = orphanCharges;
        data.Rejects.Add(Reject());
        data.UnknownColumns["cases.csv"] = ["备注"];
        var result = Result(Finding(), Finding(subject: "case:XK-2", unit: "U02"));
        result.OrphanCharges.AddRange(Enumerable.Range(0, orphanCharges).Select(i => $"JK2017{i * 7:D8}"));
        result.CalendarMissing[2027] = [.. Enumerable.Range(0, calendarMissing).Select(i => $"case:XK2027{i:D6}")];
        result.UnknownUnits.Add("U99");
        return OutputBytes.Text(s => SummaryWriter.Write(s, asOf ?? new DateOnly(2025, 11, 3), RuleSet(), data, result, durationMs: 4210));
    }
}
