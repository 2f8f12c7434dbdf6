using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;

namespace Compliance.Rules.Workflows;

/// <summary>
/// A rule compiled once to a typed delegate over its facts: evaluating it costs a delegate call, not a
/// RulesEngine execution. <see cref="MustHold"/> false means the record gets a finding.
/// </summary>
internal sealed class CompiledRule<TFacts>
{
    public required RuleSource Source { get; init; }
    public required string Name { get; init; }
    public required Severity Severity { get; init; }

    /// <summary>Built-in rules: a template over the evidence; custom rules: null (their ErrorMessage is used).</summary>
    public string? MessageTemplate { get; init; }

    public IReadOnlyList<MessagePart<TFacts>> ErrorMessage { get; init; } = [];

    /// <summary>A template over the evidence, like messages.</summary>
    public required string Basis { get; init; }

    public required Func<TFacts, RuleScope, bool> MustHold { get; init; }

    /// <summary>From the rule's <c>occurredOn</c> property; null means the default for its records.</summary>
    public Func<TFacts, RuleScope, DateOnly?>? OccurredOn { get; init; }

    public bool BuiltIn => Source.BuiltIn;

    /// <summary>
    /// Some expression of the rule reads <c>asOf</c> directly, so its verdict on a record may change as days pass
    /// even when the record's clock has stopped: an incremental run must judge every record again for it.
    /// </summary>
    public bool UsesAsOf { get; init; }
}
