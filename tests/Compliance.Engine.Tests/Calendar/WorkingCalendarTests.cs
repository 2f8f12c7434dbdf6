using Compliance.Engine.Calendar;
using Compliance.Engine.Tests.Catalog;

namespace Compliance.Engine.Tests.Calendar;

/// <summary>The calendar's look-ups against walking the days one by one, on the shipped calendars and on one with gaps.</summary>
public sealed class WorkingCalendarTests
{
    // Covered 2019, 2020, 2022 and 2023, not 2021: two runs of covered years. A holiday and a make-up day in each.
    private static readonly WorkingCalendar Gapped = new(
        [2019, 2020, 2022, 2023],
        [
            new CalendarDay(new DateOnly(2019, 10, 1), "国庆节", IsOffDay: true),
            new CalendarDay(new DateOnly(2019, 10, 12), "国庆节", IsOffDay: false),
            new CalendarDay(new DateOnly(2020, 12, 31), "元旦", IsOffDay: true),
            new CalendarDay(new DateOnly(2022, 1, 3), "元旦", IsOffDay: true),
            new CalendarDay(new DateOnly(2023, 4, 23), "劳动节", IsOffDay: false),
        ]);

    public static TheoryData<string> Calendars => ["shipped", "gapped"];

    private static WorkingCalendar Named(string name) => name == "shipped" ? ShippedRules.RuleSet.Calendar : Gapped;

    [Theory]
    [MemberData(nameof(Calendars))]
    public void AddWorkingDays_EveryStartAndCount_SameAsWalkingDayByDay(string name)
    {
        var calendar = Named(name);
        var years = calendar.CoveredYears;
        var first = new DateOnly(years.Min() - 2, 11, 1);
        var last = new DateOnly(years.Max() + 1, 12, 31);
        for (var start = first; start <= last; start = start.AddDays(1))
        {
            var walked = start;
            for (var n = 1; n <= 45; n++)
            {
                do
                {
                    walked = walked.AddDays(1);
                }
                while (!calendar.IsWorkingDay(walked));
                if (calendar.AddWorkingDays(start, n) != walked)
                {
                    calendar.AddWorkingDays(start, n).Should().Be(walked, "the {0}th working day after {1}", n, start);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void FirstUncoveredYear_EveryRange_SameAsYearByYear(string name)
    {
        var calendar = Named(name);
        var years = calendar.CoveredYears;
        var dates = new List<DateOnly>();
        for (var y = years.Min() - 2; y <= years.Max() + 2; y++)
        {
            dates.AddRange([new DateOnly(y, 1, 1), new DateOnly(y, 6, 30), new DateOnly(y, 12, 31)]);
        }
        foreach (var from in dates)
        {
            foreach (var to in dates)
            {
                int? expected = null;
                for (var y = from.Year; y <= to.Year; y++)
                {
                    if (!years.Contains(y))
                    {
                        expected = y;
                        break;
                    }
                }
                calendar.FirstUncoveredYear(from, to).Should().Be(expected, "from {0} to {1}", from, to);
            }
        }
    }
}
