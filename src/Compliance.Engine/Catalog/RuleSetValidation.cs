namespace Compliance.Engine.Catalog;

/// <summary>
/// What <see cref="RuleSetLoader.Validate"/> found: every problem, errors and warnings, and the rule set when
/// there is no error. A rule set with errors is never built, so no caller can judge with half of one.
/// </summary>
public sealed record RuleSetValidation
{
    public RuleSetValidation(RuleSet? ruleSet, IReadOnlyList<RuleSetProblem> problems)
    {
        Problems = problems;
        Errors = [.. problems.Where(p => p.Severity == RuleSetProblem.ErrorSeverity)];
        Warnings = [.. problems.Where(p => p.Severity == RuleSetProblem.WarningSeverity)];
        RuleSet = Errors.Count == 0 ? ruleSet : null;
    }

    /// <summary>The validated rule set; null when there is any error.</summary>
    public RuleSet? RuleSet { get; }

    /// <summary>All problems, sorted by file, line and column.</summary>
    public IReadOnlyList<RuleSetProblem> Problems { get; }

    public IReadOnlyList<RuleSetProblem> Errors { get; }

    public IReadOnlyList<RuleSetProblem> Warnings { get; }

    public bool IsValid => RuleSet is not null;

    /// <summary>
    /// The years the calendar files name, read even when other files are broken, so that a check for a missing
    /// year can be reported in the same pass as the errors; empty when the calendars themselves cannot be read.
    /// </summary>
    public IReadOnlySet<int> CoveredYears { get; init; } = new HashSet<int>();

    /// <summary>
    /// The workflow files that could be read and parsed, kept even when other files are broken, so that custom
    /// rules can be compiled in the same pass; files that could not be read are among the problems instead.
    /// </summary>
    public IReadOnlyList<WorkflowFile> Workflows { get; init; } = [];
}
