using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// Yuan amounts as feeds.md writes them: <c>1234.5</c>, <c>1,234.50</c>, <c>¥12</c>, <c>￥12</c>, <c>12元</c>, with at
/// most two decimals. Parsed digit by digit into a <see cref="decimal"/>, never through binary floating point.
/// A sign is accepted so that a negative amount can be told apart from an unreadable one.
/// </summary>
internal static class AmountParser
{
    /// <summary>More integer digits than any fee could have; keeps the arithmetic inside a long.</summary>
    public const int MaxIntegerDigits = 15;

    public static bool TryParse(ReadOnlySpan<char> text, out decimal amount) => TryParse(text, out amount, out _);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out decimal amount, out AmountError error)
    {
        amount = 0m;
        var s = Whitespace.Trim(text);
        var negative = false;
        var signed = TrySign(ref s, ref negative);
        if (s.Length > 0 && s[0] is '¥' or '￥')
        {
            s = s[1..].TrimStart();
            if (!signed)
            {
                TrySign(ref s, ref negative);
            }
        }
        if (s.Length > 0 && s[^1] == '元')
        {
            s = s[..^1].TrimEnd();
        }
        error = ParseUnsigned(s, out var units, out var scale);
        if (error != AmountError.None)
        {
            return false;
        }
        var value = Decimal(units, scale);
        amount = negative ? -value : value;
        return true;
    }

    /// <summary>
    /// <paramref name="units"/> / 10^<paramref name="scale"/> as decimal division gives it, trailing zeros of the
    /// fraction dropped (80.00 is 80, 0.10 is 0.1), without the cost of a decimal division per amount.
    /// </summary>
    private static decimal Decimal(long units, int scale)
    {
        DropTrailingZeros(ref units, ref scale);
        return new decimal((int)(uint)units, (int)(units >> 32), 0, false, (byte)scale);
    }

    /// <summary>
    /// <paramref name="units"/> / 10^<paramref name="scale"/> written with the fewest decimals (8000 at scale 2 is
    /// 80 at scale 0): the one form of an amount, which reading gives and <see cref="ChargeRecord"/> keeps.
    /// </summary>
    internal static void DropTrailingZeros(ref long units, ref int scale)
    {
        while (scale > 0 && units % 10 == 0)
        {
            units /= 10;
            scale--;
        }
    }

    private static bool TrySign(ref ReadOnlySpan<char> s, ref bool negative)
    {
        if (s.Length == 0 || s[0] is not ('-' or '+'))
        {
            return false;
        }
        negative = s[0] == '-';
        s = s[1..].TrimStart();
        return true;
    }

    /// <summary>
    /// Digits with optional well-formed thousands groups, then an optional point and one or two decimals. The whole
    /// value is read before it is judged too long or too precise, so that only a value written as an amount is
    /// called one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static AmountError ParseUnsigned(ReadOnlySpan<char> s, out long units, out int scale)
    {
        units = 0;
        scale = 0;
        var point = s.IndexOf('.');
        var integer = point < 0 ? s : s[..point];
        var fraction = point < 0 ? [] : s[(point + 1)..];
        if (integer.Length == 0 || (point >= 0 && fraction.Length == 0))
        {
            return AmountError.NotAnAmount;
        }
        var digits = 0;
        var groupLength = 0;
        var grouped = false;
        foreach (var c in integer)
        {
            if (c == ',')
            {
                // The first group has 1-3 digits, every later one exactly 3.
                if (groupLength is 0 or > 3 || (grouped && groupLength != 3))
                {
                    return AmountError.NotAnAmount;
                }
                grouped = true;
                groupLength = 0;
                continue;
            }
            if (!char.IsAsciiDigit(c))
            {
                return AmountError.NotAnAmount;
            }
            groupLength++;
            if (++digits <= MaxIntegerDigits)
            {
                units = units * 10 + (c - '0');
            }
        }
        if (grouped && groupLength != 3)
        {
            return AmountError.NotAnAmount;
        }
        if (fraction.ContainsAnyExceptInRange('0', '9'))
        {
            return AmountError.NotAnAmount;
        }
        if (digits > MaxIntegerDigits)
        {
            return AmountError.TooManyDigits;
        }
        if (fraction.Length > 2)
        {
            return AmountError.TooManyDecimals;
        }
        foreach (var c in fraction)
        {
            units = units * 10 + (c - '0');
        }
        scale = fraction.Length;
        return AmountError.None;
    }
}
