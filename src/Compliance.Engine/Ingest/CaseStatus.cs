namespace Compliance.Engine.Ingest;

/// <summary>办件状态. Void and returned cases are not judged (checks.md).</summary>
public enum CaseStatus
{
    Open,
    Decided,
    Void,
    Returned,
}
