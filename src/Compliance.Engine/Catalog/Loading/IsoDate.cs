using System.Globalization;

namespace Compliance.Engine.Catalog.Loading;

/// <summary>Dates in messages, always <c>YYYY-MM-DD</c> in the Gregorian calendar whatever the machine's culture.</summary>
internal static class IsoDate
{
    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
