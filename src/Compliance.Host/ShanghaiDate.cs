namespace Compliance.Host;

/// <summary>Today's date where the supervision office works, the default as-of date.</summary>
internal static class ShanghaiDate
{
    // China Standard Time has been UTC+8 without daylight saving since 1991, so a fixed offset is exact for any
    // date a run can meet and does not depend on the machine having a time-zone database.
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
