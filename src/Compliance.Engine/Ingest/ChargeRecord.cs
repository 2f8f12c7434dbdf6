namespace Compliance.Engine.Ingest;

/// <summary>One row of charges.csv: one fee charged (one 缴款单 line).</summary>
public sealed record ChargeRecord
{
    public required string ChargeId { get; init; }
    public string? CaseId { get; init; }
    public required string FeeCode { get; init; }
    public string? FeeName { get; init; }

    /// <summary>Yuan, exact to the fen; never parsed through binary floating point.</summary>
    public required decimal Amount { get; init; }

    public required DateOnly ChargedOn { get; init; }
    public string? UnitCode { get; init; }
    public string? PayerType { get; init; }
    public int Line { get; init; }

    /// <summary>Where reading found the case; not part of the charge's value.</summary>
    internal CasePosition Case { get; init; }
}
