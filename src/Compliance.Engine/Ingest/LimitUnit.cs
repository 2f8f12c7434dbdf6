namespace Compliance.Engine.Ingest;

/// <summary>工作日 or 自然日.</summary>
public enum LimitUnit
{
    Working,
    Calendar,
}
