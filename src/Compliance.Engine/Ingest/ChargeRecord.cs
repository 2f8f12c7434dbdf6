namespace Compliance.Engine.Ingest;

/// <summary>One row of charges.csv: one fee charged (one 缴款单 line).</summary>
/// <remarks>
/// The amount is kept as a decimal's digits in a long and its scale and sign in a byte, not as a 16-byte decimal:
/// a check holds millions of charges, and this makes each 8 bytes smaller (96 → 88 with the object header).
/// </remarks>
public sealed record ChargeRecord
{
    private const byte Negative = 0x80;

    private readonly long _amountDigits;
    private readonly byte _amountScaleAndSign;

    public required string ChargeId { get; init; }
    public string? CaseId { get; init; }
    public required string FeeCode { get; init; }
    public string? FeeName { get; init; }

    /// <summary>
    /// Yuan, exact to the fen; never parsed through binary floating point. Kept without trailing zeros (80.00 reads
    /// back as 80, the same value), as reading gives it: so two charges of the same amount are equal records.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than 2^63 - 1 units of its last decimal place.</exception>
    public required decimal Amount
    {
        get => new((int)_amountDigits, (int)(_amountDigits >> 32), 0, (_amountScaleAndSign & Negative) != 0, (byte)(_amountScaleAndSign & ~Negative));
        init => (_amountDigits, _amountScaleAndSign) = Pack(value);
    }

    public required DateOnly ChargedOn { get; init; }
    public string? UnitCode { get; init; }
    public string? PayerType { get; init; }
    public int Line { get; init; }

    /// <summary>Where reading found the case; not part of the charge's value.</summary>
    internal CasePosition Case { get; init; }

    private static (long Digits, byte ScaleAndSign) Pack(decimal amount)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        if (bits[2] != 0 || bits[1] < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount of more than 2^63 - 1 units of its last decimal place.");
        }
        var digits = (long)(uint)bits[0] | ((long)bits[1] << 32);
        var scale = (bits[3] >> 16) & 0xFF;
        AmountParser.DropTrailingZeros(ref digits, ref scale);
        // Zero has no sign: -0 equals 0, as decimals compare.
        var negative = bits[3] < 0 && digits != 0;
        return (digits, (byte)(scale | (negative ? Negative : 0)));
    }
}
