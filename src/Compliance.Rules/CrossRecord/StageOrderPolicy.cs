using Compliance.Engine.Catalog;

namespace Compliance.Rules.CrossRecord;

/// <summary>The prerequisites of stages.json, as a fact the order rule joins once.</summary>
public sealed record StageOrderPolicy(StageCatalog Stages, DateOnly AsOf);
