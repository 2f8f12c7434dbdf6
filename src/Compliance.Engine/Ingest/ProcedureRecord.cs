namespace Compliance.Engine.Ingest;

/// <summary>One row of procedures.csv: an extension or a clock stop of a case.</summary>
public sealed record ProcedureRecord
{
    public required string CaseId { get; init; }
    public required ProcedureKind Kind { get; init; }

    /// <summary>The kind as the feed named it (e.g. 专家评审), for explanations.</summary>
    public required string KindLabel { get; init; }

    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }

    /// <summary>Working days added by an extension; 10 when the feed leaves it empty (行政许可法 Art. 42).</summary>
    public int ExtensionDays { get; init; }

    public int Line { get; init; }

    /// <summary>Where reading found the case; not part of the procedure's value.</summary>
    internal CasePosition Case { get; init; }

    /// <summary>The procedure's name as a reader knows it, rather than the feed's code (1, 2, extension…).</summary>
    public string DisplayName =>
        ProcedureKindCodes.Of(KindLabel.AsSpan().Trim()) switch
        {
            ProcedureKind.Extension => ProcedureKindCodes.ExtensionName,
            ProcedureKind.Suspension => ProcedureKindCodes.SuspensionName,
            _ => KindLabel,
        };
}
