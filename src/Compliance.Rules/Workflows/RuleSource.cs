using Compliance.Engine.Catalog.Loading;
using Newtonsoft.Json.Linq;
using RulesEngine.Models;

namespace Compliance.Rules.Workflows;

/// <summary>A rule as its author wrote it, with where: errors name file, line and rule.</summary>
internal sealed record RuleSource(string File, int Line, int Column, WorkflowKind Kind, Workflow Workflow, Rule Rule, bool BuiltIn)
{
    /// <summary>The parsed file, to place an error at the very field (and character) it is about.</summary>
    public JsonSource? Json { get; init; }

    /// <summary>The rule's JSON object, parallel to <see cref="Rule"/>.</summary>
    public JObject? Token { get; init; }

    /// <summary>The workflow's JSON object (its <c>GlobalParams</c>).</summary>
    public JObject? WorkflowToken { get; init; }

    /// <summary>Where a value of the rule stands; the rule's own position when the value is unknown.</summary>
    public SourcePosition PositionOf(JToken? token, int? offset = null) =>
        Json is null || token is null
            ? new SourcePosition(File, Line, Column)
            : offset is { } o ? Json.PositionInString(token, o) : Json.PositionOf(token);
}
