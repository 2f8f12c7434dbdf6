namespace Compliance.Host.Generation;

/// <summary>A charge as planned, before it is written. Empty unit and payer columns mean "the case's".</summary>
internal sealed record ChargeRow
{
    public required string ChargeId { get; init; }
    public required string CaseId { get; init; }
    public required string FeeCode { get; init; }
    public required string FeeName { get; init; }
    public required decimal Amount { get; init; }
    public required DateOnly ChargedOn { get; init; }
    public required string UnitColumn { get; init; }
    public required string PayerColumn { get; init; }
}
