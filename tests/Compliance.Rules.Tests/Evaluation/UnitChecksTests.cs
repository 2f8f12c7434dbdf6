using Compliance.Engine.Catalog;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public class UnitChecksTests
{
    private static readonly Settings FiveIn90 = new() { WarningTalkRedFindings = 5, WarningTalkWindowDays = 90 };

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    public void Check_RedFindingsInWindow_ProposesWarningTalkAtThreshold(int reds, int expected)
    {
        var charges = Enumerable.Range(1, reds).Select(i => Some.Charge(id: $"C{i:000}", caseId: null, fee: "F9999", unit: "U01", on: "2025-12-01"));

        var result = Checker.Create(Some.RuleSet(settings: FiveIn90)).Check(Some.Feeds(charges: charges), Some.Date("2025-12-31"));

        var talks = result.Findings.Where(f => f.Rule == "unit.warning-talk").ToList();
        talks.Should().HaveCount(expected);
        if (expected == 1)
        {
            talks[0].Subject.Should().Be("unit:U01");
            talks[0].Severity.Should().Be(Severity.Yellow);
            talks[0].OccurredOn.Should().Be(Some.Date("2025-12-31"));
            talks[0].Evidence.TryGet("redFindings", out var n).Should().BeTrue();
            n.Should().Be(5);
        }
    }

    [Fact]
    public void Check_WindowReachingBeforeTheFirstDate_CountsFromTheFirstDate()
    {
        // As of the fifth day of year 1 a 90-day window would start before the first date there is.
        var charges = Enumerable.Range(1, 5).Select(i => Some.Charge(id: $"C{i:000}", caseId: null, fee: "F9999", unit: "U01", on: "0001-01-02"));

        var result = Checker.Create(Some.RuleSet(settings: FiveIn90)).Check(Some.Feeds(charges: charges), Some.Date("0001-01-05"));

        var talk = result.Findings.Should().ContainSingle(f => f.Rule == "unit.warning-talk").Which;
        talk.Evidence.TryGet("windowFrom", out var from).Should().BeTrue();
        from.Should().Be(DateOnly.MinValue);
    }

    [Fact]
    public void Check_UnitAbsentFromUnitsJson_StillJudgedAndListedAsUnknown()
    {
        var feeds = Some.Feeds(
            [Some.Case(id: "XK-1", unit: "U99"), Some.Case(id: "XK-2", unit: "U01")],
            charges: [Some.Charge(caseId: null, fee: "F9999", unit: "U98")]);

        var result = Checker.Create(Some.RuleSet()).Check(feeds, Some.Date("2025-12-31"));

        result.Findings.Should().Contain(f => f.Subject == "case:XK-1" && f.Rule == "case.overdue-statutory" && f.Unit == "U99");
        result.Findings.Should().Contain(f => f.Subject == "charge:C0001" && f.Unit == "U98");
        result.UnknownUnits.Should().Equal("U98", "U99");
    }

    [Theory]
    [InlineData("2025-10-02", 1)] // T − 89 days: inside the 90-day window (T included)
    [InlineData("2025-10-01", 0)] // T − 90 days: outside
    public void Check_WindowEdge_CountsOnlyFindingsWithinWindowDays(string oldest, int expected)
    {
        var charges = Enumerable.Range(1, 4).Select(i => Some.Charge(id: $"C{i:000}", caseId: null, fee: "F9999", unit: "U01", on: "2025-12-30"))
            .Append(Some.Charge(id: "C999", caseId: null, fee: "F9999", unit: "U01", on: oldest));

        var result = Checker.Create(Some.RuleSet(settings: FiveIn90)).Check(Some.Feeds(charges: charges), Some.Date("2025-12-30"));

        result.Findings.Count(f => f.Rule == "unit.warning-talk").Should().Be(expected);
    }

    [Fact]
    public void Check_RedsOfCasesAndStagesCountedByUnit_YellowsNot()
    {
        var settings = new Settings { WarningTalkRedFindings = 3, WarningTalkWindowDays = 30 };
        var data = Some.Feeds(
            cases: [Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 20, promised: 20)],
            charges: [Some.Charge(id: "C0001", on: "2025-10-10"), Some.Charge(id: "C0002", on: "2025-10-11")],
            stages: [Some.Stage(stage: "建设", type: null, started: "2025-10-20", completed: "2025-10-31", unit: "U01")]);

        var result = Checker.Create(Some.RuleSet(settings: settings)).Check(data, Some.Date("2025-11-03"));

        result.Findings.Should().Contain(f => f.Rule == "fee.duplicate");
        var talk = result.Findings.Single(f => f.Rule == "unit.warning-talk");
        talk.Subject.Should().Be("unit:U01");
        talk.Message.Should().Be("单位U01在2025-10-05至2025-11-03期间有3条红牌（case.overdue-statutory 1条，stage.out-of-order 1条，stage.overdue 1条），建议进行效能告诫谈话");
    }
}
