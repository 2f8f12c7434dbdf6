using RulesEngine.Models;

namespace Compliance.Rules.Workflows;

/// <summary>A rule as its author wrote it, with where: errors name file, line and rule.</summary>
internal sealed record RuleSource(string File, int Line, int Column, WorkflowKind Kind, Workflow Workflow, Rule Rule, bool BuiltIn);
