using Compliance.Engine.Ingest;

namespace Compliance.Rules.CrossRecord;

/// <summary>
/// One project's stage rows, the unit the order rule reasons about. The rows are grouped before they reach the
/// session: a fact per project instead of one per row spares the network a hundred thousand aggregations.
/// </summary>
public sealed record ProjectStages(string ProjectCode, IReadOnlyList<StageRecord> Stages);
