namespace Compliance.Engine.Alerts;

/// <summary>
/// What one pass of the 督办 escalation did: the follow-ups raised, and the years no calendar covers that kept some
/// alert's follow-up clock from being counted (those alerts wait, unescalated, until the calendar is added).
/// </summary>
public sealed record EscalationOutcome(int Raised, IReadOnlyList<int> UncoveredYears);
