using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Rules.Evaluation;

/// <summary>
/// Everything the checker did with one subject: the facts it worked out (CaseFacts, StageFacts, ChargeFacts),
/// every rule's outcome and the findings. <see cref="NotJudged"/> says why, when the subject was not judged.
/// </summary>
public sealed record SubjectTrace(string Subject, object? Facts, string? NotJudged, IReadOnlyList<RuleOutcome> Outcomes, IReadOnlyList<Finding> Findings)
{
    /// <summary>The subject is malformed or names no record of the data: most likely a typo, not a verdict.</summary>
    public bool Unknown { get; init; }

    /// <summary>For a stage: every stage row of its project, so that an explanation can show each prerequisite.</summary>
    public IReadOnlyList<StageRecord> ProjectStages { get; init; } = [];
}
