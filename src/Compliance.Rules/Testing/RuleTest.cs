using Newtonsoft.Json.Linq;

namespace Compliance.Rules.Testing;

/// <summary>One rule test: a few records in the feeds' English field names, an as-of date, and the findings it expects.</summary>
public sealed record RuleTest
{
    public required string Name { get; init; }
    public required string File { get; init; }
    public required int Line { get; init; }
    public required DateOnly AsOf { get; init; }

    /// <summary>Feed name (cases, procedures, charges, stages) → array of records.</summary>
    public required IReadOnlyDictionary<string, JArray> Records { get; init; }

    public required IReadOnlyList<RuleTestExpectation> Expect { get; init; }
    public required IReadOnlyList<RuleTestExpectation> ExpectNot { get; init; }

    /// <summary>When true, any finding not listed in <see cref="Expect"/> fails the test.</summary>
    public bool Only { get; init; }
}
