namespace Compliance.Engine.Alerts;

/// <summary>
/// What recording a run did to the ledger. <paramref name="BaseRunId"/> is the run it was stored as changes
/// against (null: stored in full); <paramref name="Stored"/> the finding rows written.
/// </summary>
public sealed record RunOutcome(long RunId, int Findings, int Opened, int Changed, int Reopened, int Closed, long? BaseRunId, int Stored);
