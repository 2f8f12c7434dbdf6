namespace Compliance.Engine.Catalog.Loading;

/// <summary>Collects the problems of one validation so that every one of them is reported, not just the first.</summary>
internal sealed class ProblemLog
{
    private readonly List<RuleSetProblem> _problems = [];

    public bool HasErrors => _problems.Exists(p => p.IsError);

    public void Error(SourcePosition at, string message) =>
        _problems.Add(new RuleSetProblem(at.File, at.Line, at.Column, message, RuleSetProblem.ErrorSeverity));

    public void Warning(SourcePosition at, string message) =>
        _problems.Add(new RuleSetProblem(at.File, at.Line, at.Column, message, RuleSetProblem.WarningSeverity));

    /// <summary>By file, line and column; problems at the same place keep the order they were found in.</summary>
    public IReadOnlyList<RuleSetProblem> Sorted() =>
        [.. _problems
            .Select((p, i) => (Problem: p, Index: i))
            .OrderBy(x => x.Problem.File, StringComparer.Ordinal)
            .ThenBy(x => x.Problem.Line)
            .ThenBy(x => x.Problem.Column)
            .ThenBy(x => x.Index)
            .Select(x => x.Problem)];
}
