using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>A stage of a project as planned: the canonical stage, the stages.json entry that sets its limit (null: none), unit and dates.</summary>
internal sealed record StageRow(string Stage, StageLimit? Entry, string Unit, DateOnly Started, DateOnly? Completed);
