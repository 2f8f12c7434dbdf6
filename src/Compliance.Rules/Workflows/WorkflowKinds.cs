namespace Compliance.Rules.Workflows;

internal static class WorkflowKinds
{
    public static bool TryParse(string? workflowName, out WorkflowKind kind)
    {
        switch (workflowName)
        {
            case "cases": kind = WorkflowKind.Cases; return true;
            case "charges": kind = WorkflowKind.Charges; return true;
            case "stages": kind = WorkflowKind.Stages; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>The name under which an expression sees the record: <c>case</c>, <c>charge</c> or <c>stage</c>.</summary>
    public static string RecordParameter(this WorkflowKind kind) => kind switch
    {
        WorkflowKind.Cases => "case",
        WorkflowKind.Charges => "charge",
        WorkflowKind.Stages => "stage",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
