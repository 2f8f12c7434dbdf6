using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Day counts (limits, extension days): a non-negative whole number. A trailing <c>.0</c> is accepted because
/// spreadsheets and JSON exports write whole numbers that way; anything fractional or negative is not a count.
/// </summary>
internal static class DayCountParser
{
    private const int MaxDigits = 6;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out int days)
    {
        days = 0;
        var s = Whitespace.Trim(text);
        var point = s.IndexOf('.');
        if (point >= 0)
        {
            var fraction = s[(point + 1)..];
            if (fraction.Length == 0 || fraction.ContainsAnyExcept('0'))
            {
                return false;
            }
            s = s[..point];
        }
        if (s.Length is 0 or > MaxDigits)
        {
            return false;
        }
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            days = days * 10 + (c - '0');
        }
        return true;
    }
}
