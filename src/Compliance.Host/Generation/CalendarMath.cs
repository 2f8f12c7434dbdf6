using Compliance.Engine.Calendar;

namespace Compliance.Host.Generation;

/// <summary>
/// Working-day arithmetic the generator plans with, over the rule set's own calendar (民法典 Art. 201: the start
/// day is not counted), so that a planted clock lands exactly where it is meant to.
/// </summary>
internal sealed class CalendarMath
{
    private readonly WorkingCalendar _calendar;

    public CalendarMath(WorkingCalendar calendar) => _calendar = calendar;

    public bool IsWorking(DateOnly d) => _calendar.IsWorkingDay(d);

    /// <summary>The <paramref name="n"/>-th working day after <paramref name="start"/>; the start itself for n ≤ 0.</summary>
    public DateOnly Add(DateOnly start, int n) => _calendar.AddWorkingDays(start, n);

    /// <summary>Working days d with <paramref name="after"/> &lt; d ≤ <paramref name="upTo"/>.</summary>
    public int Between(DateOnly after, DateOnly upTo) => _calendar.WorkingDaysBetween(after, upTo);

    /// <summary>The day itself when it is a working day, else the next working day (民法典 Art. 203).</summary>
    public DateOnly Roll(DateOnly d) => _calendar.RollToWorkingDay(d);

    /// <summary>The day itself when it is a working day, else the working day before it.</summary>
    public DateOnly RollBack(DateOnly d)
    {
        while (!_calendar.IsWorkingDay(d))
        {
            d = d.AddDays(-1);
        }
        return d;
    }

    /// <summary>The latest working day A ≤ <paramref name="end"/> with exactly <paramref name="n"/> working days in (A, end].</summary>
    public DateOnly Back(DateOnly end, int n)
    {
        var cursor = end;
        var counted = 0;
        while (true)
        {
            var working = _calendar.IsWorkingDay(cursor);
            if (working && counted == n)
            {
                return cursor;
            }
            if (working)
            {
                counted++;
            }
            cursor = cursor.AddDays(-1);
        }
    }

    /// <summary>A working day between <paramref name="from"/> and <paramref name="to"/>, uniformly by calendar day; <paramref name="to"/> should be a working day.</summary>
    public DateOnly RandomWorkingDay(SeededRandom random, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return RollBack(to);
        }
        var d = RollBack(from.AddDays(random.Between(0, to.DayNumber - from.DayNumber)));
        return d >= from ? d : Roll(from);
    }

    public bool Covers(DateOnly from, DateOnly to) => _calendar.FirstUncoveredYear(from, to) is null;
}
