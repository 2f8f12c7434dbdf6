using Compliance.Engine.Ingest;

namespace Compliance.Rules.CrossRecord;

/// <summary>A stage that started before each of its prerequisites had completed (未批先建).</summary>
public sealed record StageOrderBreach(StageRecord Stage, IReadOnlyList<string> Prerequisites, IReadOnlyList<MissingPrerequisite> Missing);
