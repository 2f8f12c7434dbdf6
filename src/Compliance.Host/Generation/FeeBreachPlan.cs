namespace Compliance.Host.Generation;

/// <summary>
/// How one breaching charge is to be written, and what its case must look like for the charge to break exactly
/// the intended rule: the item, the units the case may belong to and the applicant type.
/// </summary>
internal sealed record FeeBreachPlan
{
    public required BreachKind Kind { get; init; }
    public required DateOnly ChargedOn { get; init; }
    public required string FeeCode { get; init; }
    public required string FeeName { get; init; }
    public required decimal Amount { get; init; }

    /// <summary>The case's item; null for a charge with no case (an orphan).</summary>
    public ItemProfile? Item { get; init; }

    public required IReadOnlyList<string> CaseUnits { get; init; }

    /// <summary>The charge's own unit column; null: collected by the case's unit.</summary>
    public string? Collector { get; init; }

    public required string ApplicantType { get; init; }

    /// <summary>The charge's own payer type column, when the payer is not one of the applicant types.</summary>
    public string? PayerColumn { get; init; }

    public required IReadOnlyList<string> Codes { get; init; }
}
