namespace Compliance.Engine.Ingest;

/// <summary>特别程序种类 (GB/T 39046: 1 = 延长审批, 2 = everything else, which stops the clock).</summary>
public enum ProcedureKind
{
    Extension,
    Suspension,
}
