namespace Compliance.Engine.Calendar;

/// <summary>One listed date of a holiday notice.</summary>
public sealed record CalendarDay(DateOnly Date, string Name, bool IsOffDay);
