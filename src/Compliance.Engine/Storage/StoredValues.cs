using System.Globalization;

namespace Compliance.Engine.Storage;

/// <summary>
/// Values in the forms the ledger's EF model stores them, for rows written with prepared commands that EF must read
/// back as its own: a date as EF Core's SQLite provider writes a <see cref="DateOnly"/> (TEXT), an instant as
/// <see cref="UtcTicksConverter"/> writes it (INTEGER), a missing value as NULL.
/// </summary>
internal static class StoredValues
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static long Instant(DateTimeOffset instant) => UtcTicksConverter.ToTicks(instant);

    public static object InstantOrNull(DateTimeOffset? instant) => instant is { } i ? Instant(i) : DBNull.Value;

    public static object OrNull(object? value) => value ?? DBNull.Value;
}
