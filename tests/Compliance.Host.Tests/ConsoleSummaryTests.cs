using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Host.Tests;

public class ConsoleSummaryTests
{
    private static readonly DateOnly AsOf = new(2025, 11, 3);
    private static readonly OutputFiles Files = new("/tmp/out");

    [Fact]
    public void Write_EmptyRun_SaysNothingWasFoundOrRejected()
    {
        var text = Write(new FeedData(), new CheckResult { Findings = [] });

        text.Should().Contain("基准日期：2025-11-03")
            .And.Contain("规则集：2026-01+3f2a9c1e")
            .And.Contain("问题共 0 条：红牌 0，黄牌 0，预警 0")
            .And.Contain("拒收：无")
            .And.Contain("日历未覆盖：无")
            .And.Contain("未知单位：无")
            .And.Contain("孤立收费：无")
            .And.Contain("晚于基准日期的记录：无")
            .And.NotContain("未知列")
            .And.NotContain("按规则")
            .And.NotContain("按单位");
    }

    [Fact]
    public void Write_Findings_CountsBySeverityCodeAndNamedUnit()
    {
        var result = new CheckResult
        {
            Findings =
            [
                Some.Finding(unit: "U01"),
                Some.Finding(unit: "U01", severity: Severity.Warning, rule: "case.due-soon"),
                Some.Finding(unit: ""),
            ],
        };

        var text = Write(new FeedData(), result, Some.Unit("U01", "市市场监督管理局"));

        text.Should().Contain("问题共 3 条：红牌 2，黄牌 0，预警 1")
            .And.Contain("  case.due-soon  1\n")
            .And.Contain("  fee.unknown  2\n")
            .And.Contain("  U01 市市场监督管理局  2\n")
            .And.Contain("  （无责任单位）  1\n");
    }

    [Fact]
    public void Write_ManyUnits_ShowsTopTenByCountAndSumsTheRest()
    {
        var findings = Enumerable.Range(1, 12)
            .SelectMany(i => Enumerable.Repeat(Some.Finding(unit: $"U{i:00}"), i))
            .ToList();

        var text = Write(new FeedData(), new CheckResult { Findings = findings });

        text.Should().Contain("按单位（前 10 个）：\n  U12  12\n  U11  11\n")
            .And.Contain("  U03  3\n  其余 2 个单位  3\n")
            .And.NotContain("  U02  2");
    }

    [Fact]
    public void Write_RejectsAndBookkeeping_ListsThemInChinese()
    {
        var data = new FeedData();
        data.Rejects.AddRange([Some.Reject(RejectReason.BadDate), Some.Reject(RejectReason.BadDate), Some.Reject("odd-reason")]);
        data.StatsFor("cases").Read = 7;
        data.UnknownColumns["cases.csv"] = ["备注", "x"];
        data.UnknownColumns["charges.csv"] = ["y"];
        var result = new CheckResult { Findings = [] };
        result.CalendarMissing[2027] = ["case:A", "case:B"];
        result.UnknownUnits.Add("U99");
        result.OrphanCharges.AddRange(["C9", "C1"]);
        result.FutureDated["charges"] = 2;
        result.FutureDated["cases"] = 0;

        var text = Write(data, result);

        text.Should().Contain("办件 7 行")
            .And.Contain("拒收 3 处")
            .And.Contain("  bad-date（日期无法识别）  2\n")
            .And.Contain("  odd-reason  1\n")
            .And.Contain("已忽略的未知列：cases.csv：备注、x；charges.csv：y\n")
            .And.Contain("2027 年 2 条记录")
            .And.Contain("未知单位 1 个：U99")
            .And.Contain("孤立收费（无对应办件）2 条：C1、C9")
            .And.Contain("晚于基准日期、未予判断：收费 2 行\n");
    }

    [Fact]
    public void Write_FileRejectedWhole_NamedWithItsReason()
    {
        var data = new FeedData();
        data.Rejects.AddRange(
        [
            Some.Reject(RejectReason.BadDate),
            new Reject("stages", "stages.csv", 1, "", "", RejectReason.BadFile, "文件 stages.csv 无法解码") { WholeFile = true },
        ]);

        var text = Write(data, new CheckResult { Findings = [] });

        text.Should().Contain("  文件拒收：文件 stages.csv 无法解码\n")
            .And.NotContain("文件拒收：无法识别");
    }

    [Fact]
    public void Write_Always_EndsWithTheThreeFilePaths()
    {
        var text = Write(new FeedData(), new CheckResult { Findings = [] });

        text.Should().EndWith(
            $"输出文件：\n  {Files.Findings}\n  {Files.Rejects}\n  {Files.Summary}\n");
    }

    private static string Write(FeedData data, CheckResult result, params Unit[] units)
    {
        using var w = new StringWriter { NewLine = "\n" };
        ConsoleSummary.Write(w, AsOf, Some.RuleSet(units), data, result, Files);
        return w.ToString();
    }
}
