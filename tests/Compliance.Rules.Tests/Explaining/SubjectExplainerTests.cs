using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;
using Compliance.Rules.Explaining;

namespace Compliance.Rules.Tests.Explaining;

public class SubjectExplainerTests
{
    [Fact]
    public void Explain_CaseAcrossNationalDay_WalksEveryDayWithReasonsAndVerdict()
    {
        var rs = Some.RuleSet();
        var data = Some.Feeds([Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 20, promised: 20)]);
        var trace = Checker.Create(rs).Trace(data, Some.Date("2025-11-03"), "case:XK-2025-0001");

        var text = SubjectExplainer.Explain(trace, rs, Some.Date("2025-11-03"));

        text.Should().Contain("受理日期 A = 2025-09-26");
        text.Should().Contain("2025-09-28 周日  第1天  调休上班");
        text.Should().Contain("2025-10-01 周三  不计    法定节假日（");
        text.Should().Contain("2025-10-30 周四  第20天  工作日");
        text.Should().Contain("2025-11-03 周一  第22天  工作日");
        text.Should().Contain("法定时限 Ls = 20个工作日（来源：办件数据行）");
        text.Should().Contain("✗ case.overdue-statutory（红牌，发生于2025-10-31）");
        text.Should().Contain("– case.overdue-promised：不适用（已超过法定时限，见 case.overdue-statutory）");
        text.Should().Contain("– case.due-soon：不适用（办件已办结）");
        text.Should().NotContain("✓");
    }

    [Fact]
    public void Explain_OpenCaseWithinLimits_EachCaseCheckPassed()
    {
        var rs = Some.RuleSet();
        var data = Some.Feeds([Some.Case(accepted: "2025-09-26", statutory: 20, promised: 20)]);
        var trace = Checker.Create(rs).Trace(data, Some.Date("2025-10-09"), "case:XK-2025-0001");

        var text = SubjectExplainer.Explain(trace, rs, Some.Date("2025-10-09"));

        text.Should().Contain("✓ case.overdue-statutory：通过").And.Contain("✓ case.overdue-promised：通过").And.Contain("✓ case.due-soon：通过");
        text.Should().NotContain("不适用");
    }

    [Fact]
    public void Explain_ChargeOfAbolishedFee_LaterStepsNotApplied()
    {
        var fee = Some.Fee("F0301", Some.Period(from: "2017-04-01", status: FeeStatus.Abolished, max: 10m, scope: ["X9999"]));
        var rs = Some.RuleSet(fees: [fee]);
        var data = Some.Feeds([Some.Case(decided: "2025-10-10")], charges: [Some.Charge(fee: "F0301", amount: 600m)]);
        var trace = Checker.Create(rs).Trace(data, Some.Date("2025-11-03"), "charge:C0001");

        var text = SubjectExplainer.Explain(trace, rs, Some.Date("2025-11-03"));

        text.Should().Contain("✗ fee.abolished");
        text.Should().Contain("✓ fee.unknown：通过").And.Contain("✓ fee.not-in-force：通过");
        text.Should().Contain("– fee.exempt-charged：不适用（已在第3步得出结论，见 fee.abolished）");
        text.Should().Contain("– fee.out-of-scope：不适用（已在第3步得出结论，见 fee.abolished）");
        text.Should().Contain("– fee.over-standard：不适用（已在第3步得出结论，见 fee.abolished）");
    }

    [Fact]
    public void Explain_OverdueStage_DueSoonNotApplied()
    {
        var rs = Some.RuleSet();
        var data = Some.Feeds(stages: [Some.Stage(started: "2025-09-01", limit: 30, limitUnit: LimitUnit.Calendar)]);
        var trace = Checker.Create(rs).Trace(data, Some.Date("2025-12-31"), "stage:2025-330100-01-01-000001/环评");

        var text = SubjectExplainer.Explain(trace, rs, Some.Date("2025-12-31"));

        text.Should().Contain("✗ stage.overdue");
        text.Should().Contain("– stage.due-soon：不适用（已超期，见 stage.overdue）");
    }

    [Fact]
    public void Explain_Charge_ShowsThePeriodInForceAndEachCheck()
    {
        var fee = Some.Fee("F0102", Some.Period(from: "2015-10-15", to: "2017-03-31", max: 600m), Some.Period(from: "2017-04-01", max: 300m, basis: "财税〔2017〕20号"));
        var rs = Some.RuleSet(fees: [fee]);
        var data = Some.Feeds([Some.Case(decided: "2025-10-10")], charges: [Some.Charge(fee: "F0102", amount: 600m)]);
        var trace = Checker.Create(rs).Trace(data, Some.Date("2025-11-03"), "charge:C0001");

        var text = SubjectExplainer.Explain(trace, rs, Some.Date("2025-11-03"));

        text.Should().Contain("→ 2017-04-01至今：正常，标准300.00元；依据：财税〔2017〕20号");
        text.Should().Contain("✗ fee.over-standard");
        text.Should().Contain("✓ fee.unknown：通过");
        text.Should().Contain("✓ fee.out-of-scope：通过");
    }

    [Fact]
    public void Explain_StageWithPrerequisites_ShowsEachPrerequisitesCompletion()
    {
        var rs = Some.RuleSet();
        var data = Some.Feeds(stages:
        [
            Some.Stage(stage: "立项", type: "核准", started: "2025-07-01", completed: "2025-07-20"),
            Some.Stage(stage: "规划", type: null, started: "2025-07-21", completed: "2025-09-10"),
            Some.Stage(stage: "环评", type: "报告表", started: "2025-07-21", completed: "2025-12-01"),
            Some.Stage(stage: "建设", type: null, started: "2025-09-01", completed: "2025-09-05"),
        ]);
        var trace = Checker.Create(rs).Trace(data, Some.Date("2025-11-03"), "stage:2025-330100-01-01-000001/建设");

        var text = SubjectExplainer.Explain(trace, rs, Some.Date("2025-11-03"));

        text.Should().Contain("前置环节：立项、规划、环评、用地，须于 2025-09-01 或之前办结");
        text.Should().Contain("  ✓ 立项：2025-07-20办结");
        text.Should().Contain("  ✗ 规划：2025-09-10办结，晚于开始日期");
        text.Should().Contain("  ✗ 环评：未办结", "its completion after the as-of date has not happened yet");
        text.Should().Contain("  ✗ 用地：无该环节记录");
        text.Should().Contain("✗ stage.out-of-order");
    }

    [Fact]
    public void Explain_UnknownSubject_SaysWhyNotJudged()
    {
        var rs = Some.RuleSet();
        var trace = Checker.Create(rs).Trace(Some.Feeds(), Some.Date("2025-11-03"), "case:NOPE");

        SubjectExplainer.Explain(trace, rs, Some.Date("2025-11-03")).Should().Contain("未判定：数据中没有该办件");
    }
}
