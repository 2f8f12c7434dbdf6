namespace Compliance.Engine.Alerts;

/// <summary>
/// What recording a failed run did: its run id, whether the same failure (rule set and input files) had been
/// recorded before, and the office messages raised (none for a repeat, or when the office has no address).
/// </summary>
public sealed record FailedRunOutcome(long RunId, bool Repeated, string? Office, IReadOnlyList<string> OfficeKeys);
