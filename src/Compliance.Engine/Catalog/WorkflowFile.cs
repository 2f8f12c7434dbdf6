namespace Compliance.Engine.Catalog;

/// <summary>A custom rules file of workflows/*.json, kept as text with its path so errors can name file and line.</summary>
public sealed record WorkflowFile(string Path, string Json);
