namespace Compliance.Host.Generation;

/// <summary>A case as planned, before it is written: dates, limits written in the row, status, applicant.</summary>
internal sealed record CaseRow
{
    public required string CaseId { get; init; }
    public required ItemProfile Item { get; init; }
    public required string Unit { get; init; }
    public required string Applicant { get; init; }
    public required string ApplicantType { get; init; }
    public required DateOnly Accepted { get; init; }
    public DateOnly? Decided { get; init; }

    public int? StatutoryColumn { get; init; }
    public int? PromisedColumn { get; init; }

    /// <summary>办结, 在办, 作废, 退回, or empty (derived by the reader).</summary>
    public required string Status { get; init; }
}
