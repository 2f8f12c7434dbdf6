using System.Globalization;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A JSON number's text as a field parser reads it: as written, except that an exponent is written out
/// (1.2345678E7 is 12345678, 1.5e-1 is 0.15), digit for digit, so nothing is rounded. Anything else (an
/// exponent beyond <see cref="MaxExponent"/>, past what any amount or day count can be, Newtonsoft's hex) is left as
/// written, for the field's parser to refuse with the value the file wrote.
/// </summary>
internal static class JsonNumberText
{
    private const int MaxExponent = 28;

    public static string Plain(string raw)
    {
        var e = raw.AsSpan().IndexOfAny('e', 'E');
        if (e < 0)
        {
            return raw;
        }
        var mantissa = raw.AsSpan(0, e);
        var sign = mantissa.StartsWith("-") ? "-" : "";
        mantissa = mantissa.TrimStart("+-");
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa.ToString() : string.Concat(mantissa[..point], mantissa[(point + 1)..]);
        if (digits.Length == 0 || digits.AsSpan().ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(raw.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
            || Math.Abs(exponent) > MaxExponent)
        {
            return raw;
        }
        var wholeDigits = (point < 0 ? mantissa.Length : point) + exponent;
        string whole;
        string fraction;
        if (wholeDigits <= 0)
        {
            whole = "";
            fraction = new string('0', -wholeDigits) + digits;
        }
        else if (wholeDigits >= digits.Length)
        {
            whole = digits + new string('0', wholeDigits - digits.Length);
            fraction = "";
        }
        else
        {
            whole = digits[..wholeDigits];
            fraction = digits[wholeDigits..];
        }
        whole = whole.TrimStart('0');
        return sign + (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? "" : "." + fraction);
    }
}
