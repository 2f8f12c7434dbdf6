using Compliance.Engine.Catalog;

namespace Compliance.Engine.Findings;

/// <summary>One finding, in the shape of findings.md: the same keys serve the ledger, reports and files.</summary>
public sealed record Finding
{
    public required string Rule { get; init; }
    public required Severity Severity { get; init; }
    public required string Subject { get; init; }

    /// <summary>The responsible unit's code; empty when none is known.</summary>
    public required string Unit { get; init; }

    public required DateOnly AsOf { get; init; }
    public required DateOnly OccurredOn { get; init; }
    public required string Message { get; init; }
    public required string Basis { get; init; }
    public required Evidence Evidence { get; init; }

    /// <summary>The rule set's <c>version+hash</c>.</summary>
    public required string RuleSet { get; init; }

    public required string Fingerprint { get; init; }
}
