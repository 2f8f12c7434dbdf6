using Compliance.Engine.Calendar;

namespace Compliance.Engine.Tests.Alerts;

/// <summary>A calendar covering 2025 with plain weekends, enough for follow-up clocks in November.</summary>
internal sealed class WorkingCalendarBuilder
{
    public WorkingCalendar Year2025() => new([2025], []);
}
