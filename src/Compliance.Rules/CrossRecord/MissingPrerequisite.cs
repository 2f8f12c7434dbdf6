namespace Compliance.Rules.CrossRecord;

/// <summary>A prerequisite stage that had not completed by the time a stage started: no row, not completed, or completed after.</summary>
public sealed record MissingPrerequisite(string Stage, DateOnly? Completed);
