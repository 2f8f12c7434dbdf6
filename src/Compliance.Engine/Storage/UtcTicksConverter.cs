using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Compliance.Engine.Storage;

/// <summary>
/// Instants as UTC ticks (INTEGER): SQLite cannot order or compare DateTimeOffset in its default text form, and an
/// integer keeps every comparison and ORDER BY in SQL. The offset is not kept; instants are read back in UTC.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero))
{
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;
}
