using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public class CaseChecksTests
{
    private static IReadOnlyList<Finding> Judge(string asOf, IEnumerable<CaseRecord> cases, IEnumerable<ProcedureRecord>? procedures = null, RuleSet? ruleSet = null) =>
        Checker.Create(ruleSet ?? Some.RuleSet()).Check(Some.Feeds(cases, procedures), Some.Date(asOf)).Findings;

    [Fact]
    public void Check_WorkedExampleDecidedAfterNationalDay_OverdueStatutoryTwoDaysOccurredOct31()
    {
        var findings = Judge("2025-11-03", [Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 20, promised: 20)]);

        var f = findings.Should().ContainSingle().Subject;
        f.Rule.Should().Be("case.overdue-statutory");
        f.Severity.Should().Be(Severity.Red);
        f.Subject.Should().Be("case:XK-2025-0001");
        f.Unit.Should().Be("U01");
        f.OccurredOn.Should().Be(Some.Date("2025-10-31"));
        f.Message.Should().Be("办件XK-2025-0001已用22个工作日，超过法定时限（20个工作日）2个工作日");
        Value(f, "used").Should().Be(22);
        Value(f, "deadline").Should().Be(Some.Date("2025-10-30"));
        Value(f, "over").Should().Be(2);
        Value(f, "stopped").Should().Be(0);
    }

    [Fact]
    public void Check_WorkedExampleWithExpertReview_StopsSixDaysAndNoFinding()
    {
        var findings = Judge(
            "2025-11-03",
            [Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 20, promised: 20)],
            [Some.Suspension("XK-2025-0001", "2025-10-09", "2025-10-15")]);

        findings.Should().BeEmpty();
    }

    [Fact]
    public void Check_WorkedExampleWithExpertReview_DeadlineMovesToNov7()
    {
        // Open on Nov 5 with the review: U = 16 + 2 = 18 of 20, so the 预警 shows the moved deadline.
        var findings = Judge(
            "2025-11-05",
            [Some.Case(accepted: "2025-09-26", statutory: 20, promised: 20)],
            [Some.Suspension("XK-2025-0001", "2025-10-09", "2025-10-15")]);

        var f = findings.Should().ContainSingle().Subject;
        f.Rule.Should().Be("case.due-soon");
        Value(f, "used").Should().Be(18);
        Value(f, "stopped").Should().Be(6);
        Value(f, "deadline").Should().Be(Some.Date("2025-11-07"));
        f.OccurredOn.Should().Be(Some.Date("2025-11-05"));
    }

    [Theory]
    [InlineData("2025-10-29", null)]
    [InlineData("2025-10-30", null)]
    [InlineData("2025-10-31", "case.overdue-statutory")]
    public void Check_DecidedAroundTheTwentiethDay_RedOnlyAfterIt(string decided, string? expected)
    {
        var findings = Judge("2025-12-31", [Some.Case(accepted: "2025-09-26", decided: decided, statutory: 20, promised: 20)]);

        findings.Select(f => f.Rule).Should().BeEquivalentTo(expected is null ? [] : new[] { expected });
    }

    [Theory]
    [InlineData("2025-10-10", null)]
    [InlineData("2025-10-13", "case.overdue-promised")]
    public void Check_PromisedLimitFiveDays_YellowFromTheSixthCountedDay(string decided, string? expected)
    {
        // Accepted Fri 09-26: counted days 09-28 (调休), 09-29, 09-30, 10-09, 10-10 | 10-11 (调休) is the 6th.
        var findings = Judge("2025-12-31", [Some.Case(accepted: "2025-09-26", decided: decided, statutory: 20, promised: 5)]);

        findings.Select(f => f.Rule).Should().BeEquivalentTo(expected is null ? [] : new[] { expected });
    }

    [Fact]
    public void Check_PromisedBreachOnMakeUpSaturday_OccurredOnTheMakeUpDay()
    {
        var f = Judge("2025-12-31", [Some.Case(accepted: "2025-09-26", decided: "2025-10-13", statutory: 20, promised: 5)]).Single();

        f.OccurredOn.Should().Be(Some.Date("2025-10-11"));
        f.Severity.Should().Be(Severity.Yellow);
        Value(f, "over").Should().Be(2);
    }

    [Theory]
    [InlineData("2025-10-27", null)] // used 17, 3 left > 2
    [InlineData("2025-10-28", "case.due-soon")] // used 18, 2 left
    [InlineData("2025-10-30", "case.due-soon")] // used 20, 0 left
    [InlineData("2025-10-31", "case.overdue-statutory")]
    public void Check_OpenCaseAsTimePasses_WarningThenRed(string asOf, string? expected)
    {
        var findings = Judge(asOf, [Some.Case(accepted: "2025-09-26", statutory: 20, promised: 20)]);

        findings.Select(f => f.Rule).Should().BeEquivalentTo(expected is null ? [] : new[] { expected });
    }

    [Fact]
    public void Check_ExtensionStartedBeforeEnd_AddsItsDaysToBothLimits()
    {
        var findings = Judge(
            "2025-11-03",
            [Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 20, promised: 20)],
            [Some.Extension("XK-2025-0001", "2025-10-20", 10)]);

        findings.Should().BeEmpty();
    }

    [Fact]
    public void Check_ExtensionStartingAfterEnd_IsNotCounted()
    {
        var findings = Judge(
            "2025-11-03",
            [Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 20, promised: 20)],
            [Some.Extension("XK-2025-0001", "2025-11-04", 10)]);

        findings.Should().ContainSingle(f => f.Rule == "case.overdue-statutory");
    }

    [Fact]
    public void Check_OverlappingSuspensions_StopADayOnce()
    {
        var findings = Judge(
            "2025-11-03",
            [Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 20, promised: 20)],
            [Some.Suspension("XK-2025-0001", "2025-10-09", "2025-10-13"), Some.Suspension("XK-2025-0001", "2025-10-13", "2025-10-15", "检测")]);

        findings.Should().BeEmpty();
    }

    [Fact]
    public void Compute_SuspensionWithoutEnd_StopsUpToTheEnd()
    {
        var facts = Compliance.Engine.Evaluation.CaseClock.Compute(
            Some.Case(accepted: "2025-09-26", statutory: 20, promised: 20),
            [Some.Suspension("XK-2025-0001", "2025-10-27", null)],
            null,
            new Settings(),
            Some.Calendar,
            Some.Date("2025-11-03"),
            out var uncovered)!;

        uncovered.Should().BeNull();
        facts.Used.Should().Be(16);
        facts.Stopped.Should().Be(6);
        facts.Open.Should().BeTrue();
        facts.StatutoryDeadline.Should().Be(Some.Date("2025-11-07"));
    }

    [Fact]
    public void Check_DecidedAfterAsOf_IsStillOpenAtAsOf()
    {
        var f = Judge("2025-10-29", [Some.Case(accepted: "2025-09-26", decided: "2025-11-20", statutory: 20, promised: 20)]).Single();

        f.Rule.Should().Be("case.due-soon");
        Value(f, "end").Should().Be(Some.Date("2025-10-29"));
    }

    [Theory]
    [InlineData(CaseStatus.Void)]
    [InlineData(CaseStatus.Returned)]
    public void Check_VoidOrReturnedCase_IsNotJudged(CaseStatus status)
    {
        Judge("2025-12-31", [Some.Case(accepted: "2025-09-26", decided: "2025-12-01", status: status)]).Should().BeEmpty();
    }

    [Fact]
    public void Check_CaseAcceptedAfterAsOf_CountedAsFutureDated()
    {
        var result = Checker.Create(Some.RuleSet()).Check(Some.Feeds([Some.Case(accepted: "2025-12-01")]), Some.Date("2025-11-30"));

        result.Findings.Should().BeEmpty();
        result.FutureDated.Should().ContainKey("cases").WhoseValue.Should().Be(1);
    }

    [Theory]
    [InlineData(CaseStatus.Void)]
    [InlineData(CaseStatus.Returned)]
    public void Check_VoidOrReturnedCaseAcceptedAfterAsOf_CountedAsFutureDated(CaseStatus status)
    {
        var result = Checker.Create(Some.RuleSet()).Check(Some.Feeds([Some.Case(accepted: "2025-12-01", status: status)]), Some.Date("2025-11-30"));

        result.Findings.Should().BeEmpty();
        result.FutureDated.Should().ContainKey("cases").WhoseValue.Should().Be(1);
    }

    [Fact]
    public void Check_LimitsFromItemThenDefault_PromisedAboveStatutoryCountsAsStatutory()
    {
        var rs = Some.RuleSet(items: [Some.Item(statutory: null, promised: 30)], settings: new Settings { DefaultStatutoryLimit = 20 });

        var f = Judge("2025-12-31", [Some.Case(accepted: "2025-09-26", decided: "2025-11-03")], ruleSet: rs).Single();

        f.Rule.Should().Be("case.overdue-statutory");
        Value(f, "limitSource").Should().Be("default");
        Value(f, "limit").Should().Be(20);
    }

    [Fact]
    public void Check_ClockTouchingUncoveredYear_ListedAsCalendarMissingAndNotJudged()
    {
        var result = Checker.Create(Some.RuleSet()).Check(Some.Feeds([Some.Case(accepted: "2026-12-20")]), Some.Date("2027-01-10"));

        result.Findings.Should().BeEmpty();
        result.CalendarMissing.Should().ContainKey(2027).WhoseValue.Should().Equal("case:XK-2025-0001");
    }

    [Fact]
    public void Check_AcceptedOnLastDayOfUncoveredYear_ClockAndDeadlineJudged()
    {
        // 2017 has no calendar, but the clock starts counting on 2018-01-01: A itself is never counted.
        var f = Judge("2018-01-02", [Some.Case(accepted: "2017-12-31", statutory: 1, promised: 1)]).Single();

        f.Rule.Should().Be("case.due-soon");
        Value(f, "deadline").Should().Be(Some.Date("2018-01-02"));
    }

    [Fact]
    public void Check_SevereOverrideAndDisabledCheck_FromSettings()
    {
        var settings = new Settings
        {
            Checks = new Dictionary<string, CheckOverride>
            {
                ["case.overdue-statutory"] = new() { Severity = Severity.Yellow, Message = "超期{over}天", Basis = "本地规定" },
                ["case.due-soon"] = new() { Enabled = false },
            },
        };
        var rs = Some.RuleSet(settings: settings);

        var red = Judge("2025-11-03", [Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 20, promised: 20)], ruleSet: rs).Single();
        var soon = Judge("2025-10-30", [Some.Case(accepted: "2025-09-26", statutory: 20, promised: 20)], ruleSet: rs);

        red.Severity.Should().Be(Severity.Yellow);
        red.Message.Should().Be("超期2天");
        red.Basis.Should().Be("本地规定");
        soon.Should().BeEmpty();
    }

    [Fact]
    public void Check_OverdueAfterExpertReview_OccurredOnFirstCountedDayPastTheStops()
    {
        // The review moves the 20th counted day to Fri 11-07; the 21st is Mon 11-10.
        var f = Judge(
            "2025-12-31",
            [Some.Case(accepted: "2025-09-26", decided: "2025-11-12", statutory: 20, promised: 20)],
            [Some.Suspension("XK-2025-0001", "2025-10-09", "2025-10-15")]).Single();

        f.Rule.Should().Be("case.overdue-statutory");
        f.OccurredOn.Should().Be(Some.Date("2025-11-10"));
        Value(f, "used").Should().Be(23);
        Value(f, "stopped").Should().Be(6);
        Value(f, "over").Should().Be(3);
        Value(f, "deadline").Should().Be(Some.Date("2025-11-07"));
    }

    [Fact]
    public void Check_OverdueWithExtension_OccurredOnTheLimitPlusExtensionPlusFirstCountedDay()
    {
        // L + X = 25: the 25th counted day is 11-06, the 26th 11-07; decided 11-12 means U = 29.
        var f = Judge(
            "2025-12-31",
            [Some.Case(accepted: "2025-09-26", decided: "2025-11-12", statutory: 20, promised: 20)],
            [Some.Extension("XK-2025-0001", "2025-10-20", 5)]).Single();

        f.Rule.Should().Be("case.overdue-statutory");
        f.OccurredOn.Should().Be(Some.Date("2025-11-07"));
        Value(f, "extension").Should().Be(5);
        Value(f, "allowed").Should().Be(25);
        Value(f, "used").Should().Be(29);
        Value(f, "over").Should().Be(4);
        Value(f, "deadline").Should().Be(Some.Date("2025-11-06"));
    }

    [Fact]
    public void Check_OpenCaseWithExtension_DueSoonAgainstPromisedPlusExtension()
    {
        // On 11-05 U = 24 of Lp + X = 25: one day left, not overdue.
        var f = Judge(
            "2025-11-05",
            [Some.Case(accepted: "2025-09-26", statutory: 20, promised: 20)],
            [Some.Extension("XK-2025-0001", "2025-10-20", 5)]).Single();

        f.Rule.Should().Be("case.due-soon");
        Value(f, "remaining").Should().Be(1);
        Value(f, "deadline").Should().Be(Some.Date("2025-11-06"));
    }

    [Fact]
    public void Compute_SuspensionStartingBeforeAcceptance_StopsOnlyDaysAfterAcceptance()
    {
        // Stopped days in (A, E]: 09-28 (调休 Sunday) and 09-29; the days up to A are never counted anyway.
        var facts = Compute(Some.Case(accepted: "2025-09-26", decided: "2025-11-03"), [Some.Suspension("XK-2025-0001", "2025-09-20", "2025-09-29")], "2025-11-03");

        facts.Stopped.Should().Be(2);
        facts.Used.Should().Be(20);
    }

    [Fact]
    public void Compute_SuspensionRunningPastDecision_StopsOnlyUpToTheDecision()
    {
        var facts = Compute(Some.Case(accepted: "2025-09-26", decided: "2025-10-31"), [Some.Suspension("XK-2025-0001", "2025-10-27", "2025-11-20")], "2025-12-31");

        facts.End.Should().Be(Some.Date("2025-10-31"));
        facts.Stopped.Should().Be(5);
        facts.Used.Should().Be(16);
    }

    [Fact]
    public void Check_SuspensionStartingAfterDecision_StopsNothing()
    {
        var f = Judge(
            "2025-12-31",
            [Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 20, promised: 20)],
            [Some.Suspension("XK-2025-0001", "2025-11-04", "2025-11-10")]).Single();

        f.Rule.Should().Be("case.overdue-statutory");
        Value(f, "stopped").Should().Be(0);
        Value(f, "used").Should().Be(22);
    }

    [Fact]
    public void Check_SuspensionOverNationalDayOnly_StopsNoWorkingDay()
    {
        var f = Judge(
            "2025-12-31",
            [Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 20, promised: 20)],
            [Some.Suspension("XK-2025-0001", "2025-10-01", "2025-10-08")]).Single();

        f.Rule.Should().Be("case.overdue-statutory");
        Value(f, "stopped").Should().Be(0);
        f.OccurredOn.Should().Be(Some.Date("2025-10-31"));
    }

    [Fact]
    public void Check_CaseLimitOverridesItem_PromisedFromItemCappedAtCaseStatutory()
    {
        var rs = Some.RuleSet(items: [Some.Item(statutory: 25, promised: 25)]);

        var f = Judge("2025-12-31", [Some.Case(accepted: "2025-09-26", decided: "2025-11-03", statutory: 21)], ruleSet: rs).Single();

        f.Rule.Should().Be("case.overdue-statutory");
        Value(f, "limit").Should().Be(21);
        Value(f, "limitSource").Should().Be("case");
        Value(f, "over").Should().Be(1);
        f.OccurredOn.Should().Be(Some.Date("2025-11-03"));
    }

    [Fact]
    public void Check_PromisedFromItemWhenCaseGivesNone_YellowWithItemSource()
    {
        var rs = Some.RuleSet(items: [Some.Item(statutory: 20, promised: 5)]);

        var f = Judge("2025-12-31", [Some.Case(accepted: "2025-09-26", decided: "2025-10-13")], ruleSet: rs).Single();

        f.Rule.Should().Be("case.overdue-promised");
        Value(f, "limit").Should().Be(5);
        Value(f, "limitSource").Should().Be("item");
        f.OccurredOn.Should().Be(Some.Date("2025-10-11"));
    }

    [Theory]
    [InlineData(30, null)] // the item promises more than the law allows
    [InlineData(null, 30)] // so does the case row
    public void Check_PromisedAboveStatutory_DueSoonNamesStatutoryAsSource(int? itemPromised, int? casePromised)
    {
        var rs = Some.RuleSet(items: [Some.Item(statutory: 20, promised: itemPromised)]);

        var f = Judge("2025-10-29", [Some.Case(accepted: "2025-09-26", promised: casePromised)], ruleSet: rs).Single();

        f.Rule.Should().Be("case.due-soon");
        Value(f, "limit").Should().Be(20);
        Value(f, "limitSource").Should().Be("statutory");
        Value(f, "remaining").Should().Be(1);
    }

    [Fact]
    public void Check_NoPromisedLimitAnywhere_PromisedIsStatutory()
    {
        var rs = Some.RuleSet(items: [Some.Item(statutory: 20, promised: null)]);

        var f = Judge("2025-10-29", [Some.Case(accepted: "2025-09-26")], ruleSet: rs).Single();

        f.Rule.Should().Be("case.due-soon");
        Value(f, "limit").Should().Be(20);
        Value(f, "limitSource").Should().Be("statutory");
        Value(f, "remaining").Should().Be(1);
    }

    [Fact]
    public void Check_OpenCasePastPromisedOnly_YellowAndNoWarning()
    {
        var findings = Judge("2025-10-13", [Some.Case(accepted: "2025-09-26", statutory: 20, promised: 5)]);

        findings.Select(f => f.Rule).Should().Equal("case.overdue-promised");
    }

    [Theory]
    [InlineData("2025-10-22", null)] // used 14, 6 left > 5
    [InlineData("2025-10-23", "case.due-soon")] // used 15, 5 left
    public void Check_WarnDaysFromSettings_WidensTheWarningWindow(string asOf, string? expected)
    {
        var rs = Some.RuleSet(settings: new Settings { WarnDays = 5 });

        var findings = Judge(asOf, [Some.Case(accepted: "2025-09-26", statutory: 20, promised: 20)], ruleSet: rs);

        findings.Select(f => f.Rule).Should().BeEquivalentTo(expected is null ? [] : new[] { expected });
    }

    private static Compliance.Engine.Evaluation.CaseFacts Compute(CaseRecord c, IReadOnlyList<ProcedureRecord> procedures, string asOf) =>
        Compliance.Engine.Evaluation.CaseClock.Compute(c, procedures, null, new Settings(), Some.Calendar, Some.Date(asOf), out _)!;

    [Fact]
    public void Check_DueSoonWithDeadlineInUncoveredYear_MessageNamesTheYearEvidenceKeepsNoDate()
    {
        // (A, T] lies in 2026, which is covered; the 24th working day after A falls in 2027, which no notice covers.
        var f = Judge("2026-12-31", [Some.Case(accepted: "2026-12-01", statutory: 30, promised: 24)]).Single();

        f.Rule.Should().Be("case.due-soon");
        Value(f, "used").Should().Be(22);
        Value(f, "deadline").Should().BeNull();
        f.Message.Should().Be("办件XK-2025-0001已用22个工作日，距承诺时限（24个工作日）仅剩2个工作日，"
            + "请于届满日（须计入2027年的工作日，该年放假安排尚未载入规则集，暂不能确定）前办结");
    }

    private static object? Value(Finding f, string key) => f.Evidence.TryGet(key, out var v) ? v : throw new KeyNotFoundException(key);
}
