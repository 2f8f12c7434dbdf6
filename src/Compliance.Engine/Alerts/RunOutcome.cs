namespace Compliance.Engine.Alerts;

/// <summary>What recording a run did to the ledger.</summary>
public sealed record RunOutcome(long RunId, int Findings, int Opened, int Changed, int Reopened, int Closed);
