namespace Compliance.Engine.Alerts;

/// <summary>The calendar date of an instant where the supervision office works (UTC+8, no daylight saving since 1991).</summary>
public static class ShanghaiDay
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
