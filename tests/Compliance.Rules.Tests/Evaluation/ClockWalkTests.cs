using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public class ClockWalkTests
{
    [Fact]
    public void ForCase_AcrossNationalDayWithExpertReview_NamesEverySkippedDay()
    {
        var facts = CaseClock.Compute(
            Some.Case(accepted: "2025-09-26", decided: "2025-11-07", statutory: 20, promised: 20),
            [Some.Suspension("XK-2025-0001", "2025-10-09", "2025-10-15")],
            null,
            new Settings(),
            Some.Calendar,
            Some.Date("2025-11-07"),
            out _)!;

        var walk = ClockWalk.ForCase(facts, Some.Calendar, facts.End);

        walk[0].Should().Be(new WalkDay(Some.Date("2025-09-27"), DayKind.Weekend, false, 0, "周末"));
        walk[1].Reason.Should().StartWith("调休上班");
        walk[1].Count.Should().Be(1);
        walk.Single(d => d.Date == Some.Date("2025-10-01")).Reason.Should().StartWith("法定节假日（").And.Contain("国庆节");
        walk.Single(d => d.Date == Some.Date("2025-10-11")).Reason.Should().Be("暂停计时（专家评审）");
        walk[^1].Date.Should().Be(Some.Date("2025-11-07"));
        walk[^1].Count.Should().Be(facts.Used).And.Be(20);
    }
}
