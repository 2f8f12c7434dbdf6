using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// The date forms of feeds.md: <c>2025-10-30</c>, <c>2025/10/30</c>, <c>20251030</c>, <c>2025年10月30日</c>, each
/// optionally followed by a time (<c>14:05</c>, <c>14:05:09</c>, <c>14:05:09.123</c> after a space or <c>T</c>;
/// <c>140509</c> or <c>1405</c> after <c>T</c> or a space). The time is validated and then dropped: every check
/// works on the local date. Anything else, including impossible calendar dates and time zone suffixes, is
/// rejected rather than guessed at.
/// </summary>
internal static class DateParser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        var s = Whitespace.Trim(text);
        if (!TryParseDate(s, out var year, out var month, out var day, out var consumed))
        {
            return false;
        }
        if (consumed < s.Length && !IsValidTimePart(s[consumed..]))
        {
            return false;
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseDate(ReadOnlySpan<char> s, out int year, out int month, out int day, out int consumed)
    {
        month = day = consumed = 0;
        if (!TryDigits(s, 0, 4, 4, out year, out var i))
        {
            return false;
        }
        if (i < s.Length && (s[i] == '-' || s[i] == '/'))
        {
            var separator = s[i];
            if (!TryDigits(s, i + 1, 1, 2, out month, out i) || i >= s.Length || s[i] != separator)
            {
                return false;
            }
            if (!TryDigits(s, i + 1, 1, 2, out day, out i))
            {
                return false;
            }
        }
        else if (i < s.Length && s[i] == '年')
        {
            if (!TryDigits(s, i + 1, 1, 2, out month, out i) || i >= s.Length || s[i] != '月')
            {
                return false;
            }
            if (!TryDigits(s, i + 1, 1, 2, out day, out i) || i >= s.Length || s[i] != '日')
            {
                return false;
            }
            i++;
        }
        else if (!TryDigits(s, i, 2, 2, out month, out i) || !TryDigits(s, i, 2, 2, out day, out i))
        {
            return false;
        }
        consumed = i;
        return true;
    }

    /// <summary>The rest after the date: one <c>T</c> or one or more spaces, then a time of day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsValidTimePart(ReadOnlySpan<char> rest)
    {
        int i;
        if (rest[0] is 'T' or 't')
        {
            i = 1;
        }
        else
        {
            i = 0;
            while (i < rest.Length && rest[i] is ' ' or '\u3000')
            {
                i++;
            }
            if (i == 0)
            {
                return false;
            }
        }
        return IsValidTime(rest[i..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsValidTime(ReadOnlySpan<char> t)
    {
        if (t.IndexOf(':') < 0)
        {
            // Compact HHmm or HHmmss, as in 20251030T140509.
            if (t.Length is not (4 or 6) || !TryDigits(t, 0, t.Length, t.Length, out _, out _))
            {
                return false;
            }
            var hour = (t[0] - '0') * 10 + (t[1] - '0');
            var minute = (t[2] - '0') * 10 + (t[3] - '0');
            var second = t.Length == 6 ? (t[4] - '0') * 10 + (t[5] - '0') : 0;
            return hour < 24 && minute < 60 && second < 60;
        }
        if (!TryDigits(t, 0, 1, 2, out var h, out var i) || i >= t.Length || t[i] != ':' || h > 23)
        {
            return false;
        }
        if (!TryDigits(t, i + 1, 2, 2, out var m, out i) || m > 59)
        {
            return false;
        }
        if (i == t.Length)
        {
            return true;
        }
        if (t[i] != ':' || !TryDigits(t, i + 1, 2, 2, out var sec, out i) || sec > 59)
        {
            return false;
        }
        if (i == t.Length)
        {
            return true;
        }
        return t[i] == '.' && TryDigits(t, i + 1, 1, 7, out _, out i) && i == t.Length;
    }

    /// <summary>
    /// Reads between <paramref name="min"/> and <paramref name="max"/> ASCII digits starting at <paramref name="start"/>;
    /// the caller checks what follows, so a digit run that is too long fails on the next expected character.
    /// </summary>
    private static bool TryDigits(ReadOnlySpan<char> s, int start, int min, int max, out int value, out int end)
    {
        value = 0;
        end = start;
        while (end < s.Length && end - start < max && char.IsAsciiDigit(s[end]))
        {
            value = value * 10 + (s[end] - '0');
            end++;
        }
        return end - start >= min;
    }
}
