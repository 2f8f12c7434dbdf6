using Compliance.Engine.Ingest;

namespace Compliance.Engine.Catalog;

/// <summary>An entry of stages.json: the limit of a stage, or of one type of it. A null limit means the clock is not judged.</summary>
public sealed record StageLimit
{
    public required string Stage { get; init; }
    public string? Type { get; init; }
    public int? Limit { get; init; }
    public LimitUnit Unit { get; init; } = LimitUnit.Working;
    public int? WarnDays { get; init; }
    public string? Basis { get; init; }
}
