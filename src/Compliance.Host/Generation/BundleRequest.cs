namespace Compliance.Host.Generation;

/// <summary>What one case bundle (a case with its procedures and charges) is to show.</summary>
internal sealed record BundleRequest
{
    public CaseShape Shape { get; init; } = CaseShape.Decided;

    /// <summary>A breach of the case's own clock.</summary>
    public BreachKind? CaseBreach { get; init; }

    /// <summary>A breaching charge; the case is then compliant and shaped to suit the charge.</summary>
    public FeeBreachPlan? FeeBreach { get; init; }

    /// <summary>The unit the case must belong to (the warning-talk group).</summary>
    public string? Unit { get; init; }

    /// <summary>The case's breach must occur within the warning-talk window.</summary>
    public bool Recent { get; init; }

    public ApplicantForm Applicant { get; init; } = ApplicantForm.Single;
}
