using System.Globalization;

namespace Compliance.Host.Generation;

/// <summary>
/// How values are written: the date forms of feeds.md, some with a time of day (office hours), and yuan amounts
/// as exports write them (<c>80.00</c>, <c>80</c>, <c>¥80.00</c>, <c>80元</c>, <c>1,234.50</c>). Dates are laid
/// out digit by digit: millions of rows make general-purpose formatting the generator's main cost.
/// </summary>
internal static class ValueFormats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Office hours, 08:30 to 17:30, as seconds of the day.</summary>
    public static int OfficeTime(SeededRandom random) => random.Between(8 * 3600 + 30 * 60, 17 * 3600 + 30 * 60);

    public static string Iso(DateOnly d) => Date(d, DateStyle.Iso, 0);

    public static string Date(DateOnly d, DateStyle style, int seconds)
    {
        if (style == DateStyle.Chinese)
        {
            return string.Create(Invariant, $"{d.Year}年{d.Month}月{d.Day}日");
        }
        var length = style switch
        {
            DateStyle.Iso or DateStyle.Slash => 10,
            DateStyle.IsoMinutes or DateStyle.SlashMinutes => 16,
            DateStyle.IsoSeconds => 19,
            DateStyle.Compact => 8,
            DateStyle.CompactTime => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
        };
        return string.Create(length, (d, style, seconds), static (span, state) =>
        {
            var (date, style, seconds) = state;
            var separator = style is DateStyle.Slash or DateStyle.SlashMinutes ? '/' : '-';
            Digits(span, 0, date.Year, 4);
            var i = 4;
            if (style is DateStyle.Compact or DateStyle.CompactTime)
            {
                Digits(span, 4, date.Month, 2);
                Digits(span, 6, date.Day, 2);
                i = 8;
            }
            else
            {
                span[4] = separator;
                Digits(span, 5, date.Month, 2);
                span[7] = separator;
                Digits(span, 8, date.Day, 2);
                i = 10;
            }
            if (i == span.Length)
            {
                return;
            }
            var compact = style == DateStyle.CompactTime;
            span[i++] = compact ? 'T' : ' ';
            Digits(span, i, seconds / 3600, 2);
            i += 2;
            if (!compact)
            {
                span[i++] = ':';
            }
            Digits(span, i, seconds / 60 % 60, 2);
            i += 2;
            if (i == span.Length)
            {
                return;
            }
            if (!compact)
            {
                span[i++] = ':';
            }
            Digits(span, i, seconds % 60, 2);
        });
    }

    /// <summary>A yuan amount with two decimals, in one of the forms exports use.</summary>
    public static string Amount(decimal amount, SeededRandom random)
    {
        var roll = random.Unit();
        if (amount >= 1000m && roll < 0.5)
        {
            return amount.ToString("N2", Invariant);
        }
        if (roll < 0.05 && amount == decimal.Truncate(amount))
        {
            return amount.ToString("F0", Invariant);
        }
        var plain = amount.ToString("F2", Invariant);
        if (roll < 0.1)
        {
            return "¥" + plain;
        }
        return roll < 0.15 ? plain + "元" : plain;
    }

    private static void Digits(Span<char> span, int at, int value, int width)
    {
        for (var k = width - 1; k >= 0; k--)
        {
            span[at + k] = (char)('0' + value % 10);
            value /= 10;
        }
    }
}
