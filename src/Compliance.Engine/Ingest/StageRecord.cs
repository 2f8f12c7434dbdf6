namespace Compliance.Engine.Ingest;

/// <summary>One row of stages.csv: one stage of one key project. Key: project code + canonical stage.</summary>
public sealed record StageRecord
{
    public required string ProjectCode { get; init; }
    public string? ProjectName { get; init; }

    /// <summary>The canonical Chinese stage name (立项, 规划, 环评, 用地, 建设), aliases resolved.</summary>
    public required string Stage { get; init; }

    public string? StageType { get; init; }
    public required string UnitCode { get; init; }
    public required DateOnly StartedOn { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public int? Limit { get; init; }
    public LimitUnit? LimitUnit { get; init; }
    public int Line { get; init; }
}
