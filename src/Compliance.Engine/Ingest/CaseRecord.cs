namespace Compliance.Engine.Ingest;

/// <summary>One row of cases.csv (办件). Dates are local dates; the time of day is dropped at ingest.</summary>
public sealed record CaseRecord
{
    public required string CaseId { get; init; }
    public required string ItemCode { get; init; }
    public string? ItemName { get; init; }
    public required string UnitCode { get; init; }
    public string? UnitName { get; init; }
    public string? Applicant { get; init; }
    public string? ApplicantType { get; init; }
    public required DateOnly AcceptedOn { get; init; }
    public DateOnly? DecidedOn { get; init; }
    public int? StatutoryLimit { get; init; }
    public int? PromisedLimit { get; init; }

    /// <summary>As written in the feed, or derived from <see cref="DecidedOn"/> when the column is empty.</summary>
    public required CaseStatus Status { get; init; }

    /// <summary>Physical line where the row starts (header = 1); for JSON the line of the object's opening brace, for XLSX the sheet row.</summary>
    public int Line { get; init; }
}
