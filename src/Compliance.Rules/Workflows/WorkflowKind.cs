namespace Compliance.Rules.Workflows;

/// <summary>Which records a workflow judges; the workflow's name says it (rule-files.md).</summary>
internal enum WorkflowKind
{
    Cases,
    Charges,
    Stages,
}
