namespace Compliance.Rules.CrossRecord;

/// <summary>A unit proposed for a 效能告诫谈话, with its red findings in the window.</summary>
public sealed record WarningTalkProposal(string Unit, IReadOnlyList<RedFinding> Findings);
