using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public class StageChecksTests
{
    private static CheckResult Judge(string asOf, params StageRecord[] stages) =>
        Checker.Create(Some.RuleSet()).Check(Some.Feeds(stages: stages), Some.Date(asOf));

    [Fact]
    public void Check_WorkedExampleCompletedOnRolledDeadline_OnTime()
    {
        Judge("2025-12-31", Some.Stage(started: "2025-09-01", completed: "2025-10-09")).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Check_WorkedExampleCompletedDayAfterRolledDeadline_OverdueOccurredOct10()
    {
        var f = Judge("2025-12-31", Some.Stage(started: "2025-09-01", completed: "2025-10-10")).Findings.Single();

        f.Rule.Should().Be("stage.overdue");
        f.Severity.Should().Be(Severity.Red);
        f.Subject.Should().Be("stage:2025-330100-01-01-000001/环评");
        f.Unit.Should().Be("U03");
        f.OccurredOn.Should().Be(Some.Date("2025-10-10"));
        Value(f, "deadline").Should().Be(Some.Date("2025-10-09"));
        Value(f, "nominalDeadline").Should().Be(Some.Date("2025-10-01"));
        Value(f, "over").Should().Be(1);
        f.Basis.Should().Be("《环境影响评价法》第二十二条");
    }

    [Theory]
    [InlineData("2025-10-03", null)] // DL 10-09, 6 days left > 2
    [InlineData("2025-10-07", "stage.due-soon")] // 2 days left
    [InlineData("2025-10-09", "stage.due-soon")] // 0 days left
    [InlineData("2025-10-10", "stage.overdue")]
    public void Check_OpenCalendarStage_DueSoonThenOverdue(string asOf, string? expected)
    {
        var findings = Judge(asOf, Some.Stage(started: "2025-09-01")).Findings;

        findings.Select(f => f.Rule).Should().BeEquivalentTo(expected is null ? [] : new[] { expected });
    }

    [Theory]
    [InlineData("2025-10-30", null)] // the 20th working day
    [InlineData("2025-10-31", "stage.overdue")]
    public void Check_WorkingDayStage_OverdueFromTheTwentyFirstWorkingDay(string completed, string? expected)
    {
        var findings = Judge("2025-12-31", Some.Stage(stage: "立项", type: "核准", started: "2025-09-26", completed: completed)).Findings;

        findings.Select(f => f.Rule).Should().BeEquivalentTo(expected is null ? [] : new[] { expected });
        if (expected is not null)
        {
            findings.Single().OccurredOn.Should().Be(Some.Date("2025-10-31"));
        }
    }

    [Fact]
    public void Check_FilingWithoutLimit_ClockNotJudged()
    {
        Judge("2026-06-30", Some.Stage(stage: "立项", type: "备案", started: "2025-01-02")).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Check_RowLimitOverridesCatalogue_WithSettingsWarnDays()
    {
        // 09-01 + 5 = Sat 09-06, rolled to Mon 09-08; on 09-06 two days remain.
        var f = Judge("2025-09-06", Some.Stage(started: "2025-09-01", limit: 5, limitUnit: LimitUnit.Calendar)).Findings.Single();

        f.Rule.Should().Be("stage.due-soon");
        Value(f, "limitSource").Should().Be("row");
        Value(f, "remaining").Should().Be(2);
        Value(f, "deadline").Should().Be(Some.Date("2025-09-08"));
    }

    [Fact]
    public void Check_RowLimitOnStageTheCatalogueGivesNoLimit_BasisNamesTheRowNotTheFilingRule()
    {
        var f = Judge("2025-12-31", Some.Stage(stage: "立项", type: "备案", started: "2025-09-01", completed: "2025-09-10", limit: 3, limitUnit: LimitUnit.Working)).Findings.Single();

        f.Rule.Should().Be("stage.overdue");
        Value(f, "limitSource").Should().Be("row");
        f.Basis.Should().Be("数据行所列时限（stages.csv 时限列）");
    }

    [Fact]
    public void Check_RowLimitOnStageTheCatalogueLimits_BasisIsTheCataloguesLaw()
    {
        var f = Judge("2025-12-31", Some.Stage(stage: "立项", type: "核准", started: "2025-09-01", completed: "2025-09-10", limit: 3, limitUnit: LimitUnit.Working)).Findings.Single();

        f.Basis.Should().Be("《企业投资项目核准和备案管理条例》第十条");
    }

    [Fact]
    public void Check_ConstructionBeforePrerequisitesCompleted_OutOfOrderListingThem()
    {
        const string p = "2025-330100-01-01-000009";
        var result = Judge(
            "2025-12-31",
            Some.Stage(project: p, stage: "立项", type: "核准", started: "2025-03-03", completed: "2025-03-20", unit: "U05"),
            Some.Stage(project: p, stage: "规划", type: null, started: "2025-03-21", completed: "2025-04-10", unit: "U04"),
            Some.Stage(project: p, stage: "环评", type: "报告表", started: "2025-03-21", completed: "2025-05-06", unit: "U03"),
            Some.Stage(project: p, stage: "建设", type: null, started: "2025-05-06", completed: "2025-05-08", unit: "U06"));

        var f = result.Findings.Single(x => x.Rule == "stage.out-of-order");
        f.Subject.Should().Be($"stage:{p}/建设");
        f.OccurredOn.Should().Be(Some.Date("2025-05-06"));
        f.Unit.Should().Be("U06");
        f.Severity.Should().Be(Severity.Red);
        f.Message.Should().Contain("用地（未办结）").And.NotContain("环评");
    }

    [Fact]
    public void Check_PrerequisiteCompletedOnStartDay_IsInOrder()
    {
        const string p = "P1";
        var result = Judge(
            "2025-12-31",
            Some.Stage(project: p, stage: "立项", type: "备案", started: "2025-03-03", completed: "2025-03-03"),
            Some.Stage(project: p, stage: "规划", type: null, started: "2025-03-04", completed: "2025-03-10"),
            Some.Stage(project: p, stage: "环评", type: "登记表", started: "2025-03-04", completed: "2025-03-10"),
            Some.Stage(project: p, stage: "用地", type: null, started: "2025-03-04", completed: "2025-03-10"),
            Some.Stage(project: p, stage: "建设", type: null, started: "2025-03-10", completed: "2025-03-12"));

        result.Findings.Where(x => x.Rule == "stage.out-of-order").Should().BeEmpty();
    }

    [Fact]
    public void Check_StageStartedAfterAsOf_NotJudgedAndCountedAsFutureDated()
    {
        var result = Judge("2025-08-31", Some.Stage(started: "2025-09-01"));

        result.Findings.Should().BeEmpty();
        result.FutureDated["stages"].Should().Be(1);
    }

    [Fact]
    public void Check_StageCompletedAfterAsOf_IsStillOpenAtAsOf()
    {
        var f = Judge("2025-10-08", Some.Stage(started: "2025-09-01", completed: "2025-10-20")).Findings.Single();

        f.Rule.Should().Be("stage.due-soon");
        f.OccurredOn.Should().Be(Some.Date("2025-10-08"));
        Value(f, "end").Should().Be(Some.Date("2025-10-08"));
        Value(f, "open").Should().Be(true);
        Value(f, "remaining").Should().Be(1);
    }

    [Theory]
    [InlineData("2025-10-27", null)] // 17 of 20 working days used
    [InlineData("2025-10-28", "stage.due-soon")] // 18 used, 2 left
    [InlineData("2025-10-30", "stage.due-soon")] // 20 used, 0 left
    public void Check_OpenWorkingDayStage_DueSoonWhenWarnDaysLeft(string asOf, string? expected)
    {
        var findings = Judge(asOf, Some.Stage(stage: "立项", type: "核准", started: "2025-09-26")).Findings;

        findings.Select(f => f.Rule).Should().BeEquivalentTo(expected is null ? [] : new[] { expected });
        if (expected is not null)
        {
            findings.Single().OccurredOn.Should().Be(Some.Date(asOf));
            Value(findings.Single(), "deadline").Should().Be(Some.Date("2025-10-30"));
        }
    }

    [Theory]
    [InlineData("2025-11-01", null)] // DL 11-07: 6 days left > 5
    [InlineData("2025-11-02", "stage.due-soon")] // 5 days left
    public void Check_CatalogueEntryWarnDays_OverridesTheSetting(string asOf, string? expected)
    {
        var findings = Judge(asOf, Some.Stage(type: "报告书", started: "2025-09-08")).Findings;

        findings.Select(f => f.Rule).Should().BeEquivalentTo(expected is null ? [] : new[] { expected });
        if (expected is not null)
        {
            Value(findings.Single(), "warnDays").Should().Be(5);
        }
    }

    [Theory]
    [InlineData("2025-11-02", null)] // DL 11-07: 5 days left, more than the setting's 2
    [InlineData("2025-11-05", "stage.due-soon")]
    public void Check_RowLimitOnEntryWithWarnDays_UsesTheSettingsWarnDays(string asOf, string? expected)
    {
        var findings = Judge(asOf, Some.Stage(type: "报告书", started: "2025-09-08", limit: 60, limitUnit: LimitUnit.Calendar)).Findings;

        findings.Select(f => f.Rule).Should().BeEquivalentTo(expected is null ? [] : new[] { expected });
        if (expected is not null)
        {
            Value(findings.Single(), "warnDays").Should().Be(2);
        }
    }

    [Fact]
    public void Check_RowWorkingDayLimit_CountsMakeUpDayAndSkipsHolidays()
    {
        // Working days after Fri 09-26: 09-28 (调休), 09-29, 09-30, then 10-09 is the 4th.
        var f = Judge("2025-12-31", Some.Stage(started: "2025-09-26", completed: "2025-10-09", limit: 3, limitUnit: LimitUnit.Working)).Findings.Single();

        f.Rule.Should().Be("stage.overdue");
        f.OccurredOn.Should().Be(Some.Date("2025-10-09"));
        Value(f, "limitSource").Should().Be("row");
        Value(f, "used").Should().Be(4);
        Value(f, "over").Should().Be(1);
    }

    [Fact]
    public void Check_CalendarStageDeadlineInUncoveredYear_ListedAsCalendarMissing()
    {
        // 2026-12-01 + 60 days is in 2027, which no shipped notice covers, though T itself is covered.
        var result = Judge("2026-12-10", Some.Stage(type: "报告书", started: "2026-12-01"));

        result.Findings.Should().BeEmpty();
        result.CalendarMissing.Should().ContainKey(2027).WhoseValue.Should().Equal("stage:2025-330100-01-01-000001/环评");
    }

    [Fact]
    public void Check_WorkingDayStageEndingInCoveredYear_JudgedThoughItsDeadlineIsNot()
    {
        var result = Judge("2026-12-28", Some.Stage(stage: "规划", type: null, started: "2026-12-20"));

        result.Findings.Should().BeEmpty();
        result.CalendarMissing.Should().BeEmpty();
        result.Judged["stages"].Should().Be(1);
    }

    [Fact]
    public void Check_WorkingDayStageDueSoonWithDeadlineInUncoveredYear_MessageNamesTheYearEvidenceKeepsNoDate()
    {
        // 18 of 20 working days used by 2026-12-31; the 20th falls in 2027, which no notice covers.
        var f = Judge("2026-12-31", Some.Stage(stage: "规划", type: null, started: "2026-12-07")).Findings.Single();

        f.Rule.Should().Be("stage.due-soon");
        Value(f, "deadline").Should().BeNull();
        f.Message.Should().Be("项目2025-330100-01-01-000001的规划环节时限（20个工作日）将于"
            + "届满日（须计入2027年的工作日，该年放假安排尚未载入规则集，暂不能确定）届满，仅剩2天");
    }

    [Fact]
    public void Check_PrerequisiteCompletedAfterStart_OutOfOrderWithItsCompletionDate()
    {
        const string p = "P2";
        var result = Judge(
            "2025-12-31",
            Some.Stage(project: p, stage: "立项", type: "核准", started: "2025-03-03", completed: "2025-03-20"),
            Some.Stage(project: p, stage: "规划", type: null, started: "2025-03-21", completed: "2025-05-07"),
            Some.Stage(project: p, stage: "环评", type: "登记表", started: "2025-03-21", completed: "2025-03-30"),
            Some.Stage(project: p, stage: "用地", type: null, started: "2025-03-21", completed: "2025-04-01"),
            Some.Stage(project: p, stage: "建设", type: null, started: "2025-05-06", completed: "2025-05-08"));

        var f = result.Findings.Single(x => x.Rule == "stage.out-of-order");
        f.Subject.Should().Be($"stage:{p}/建设");
        f.Message.Should().Be("项目P2的建设环节于2025-05-06开始，但前置环节规划（2025-05-07办结）在此之前尚未办结（未批先建）");
    }

    [Fact]
    public void Check_PrerequisiteCompletedAfterAsOf_ListedAsNotCompleted()
    {
        const string p = "P3";
        var result = Judge(
            "2025-05-08",
            Some.Stage(project: p, stage: "立项", type: "核准", started: "2025-03-03", completed: "2025-03-20"),
            Some.Stage(project: p, stage: "规划", type: null, started: "2025-03-21", completed: "2025-05-10"),
            Some.Stage(project: p, stage: "环评", type: "登记表", started: "2025-03-21", completed: "2025-03-30"),
            Some.Stage(project: p, stage: "用地", type: null, started: "2025-03-21", completed: "2025-04-01"),
            Some.Stage(project: p, stage: "建设", type: null, started: "2025-05-06"));

        var f = result.Findings.Single(x => x.Rule == "stage.out-of-order");
        f.Message.Should().Contain("规划（未办结）");
        f.OccurredOn.Should().Be(Some.Date("2025-05-06"));
    }

    private static object? Value(Finding f, string key) => f.Evidence.TryGet(key, out var v) ? v : throw new KeyNotFoundException(key);
}
