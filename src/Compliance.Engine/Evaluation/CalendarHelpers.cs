using Compliance.Engine.Calendar;

namespace Compliance.Engine.Evaluation;

/// <summary>
/// Working-day arithmetic for rule expressions (input <c>cal</c>). Thin over <see cref="WorkingCalendar"/>
/// so that expressions can count days exactly as the built-in checks do and reach nothing else.
/// </summary>
public sealed class CalendarHelpers
{
    private readonly WorkingCalendar _calendar;

    internal CalendarHelpers(WorkingCalendar calendar) => _calendar = calendar;

    /// <summary>Working days d with <paramref name="after"/> &lt; d ≤ <paramref name="upTo"/>.</summary>
    public int WorkingDaysBetween(DateOnly after, DateOnly upTo) => _calendar.WorkingDaysBetween(after, upTo);

    /// <summary>The n-th working day after <paramref name="start"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int n) => _calendar.AddWorkingDays(start, n);

    public bool IsWorkingDay(DateOnly d) => _calendar.IsWorkingDay(d);

    /// <summary><paramref name="d"/>, or the next working day when it is a rest day.</summary>
    public DateOnly RollToWorkingDay(DateOnly d) => _calendar.RollToWorkingDay(d);

    /// <summary>Calendar days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    public bool IsCovered(DateOnly d) => _calendar.IsCovered(d);
}
