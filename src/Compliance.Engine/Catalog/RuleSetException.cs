namespace Compliance.Engine.Catalog;

/// <summary>A rule set refused whole: every problem, each with file, line and column.</summary>
public sealed class RuleSetException : Exception
{
    public RuleSetException(IReadOnlyList<RuleSetProblem> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public RuleSetException(string file, int line, int column, string message)
        : this([new RuleSetProblem(file, line, column, message)])
    {
    }

    public IReadOnlyList<RuleSetProblem> Problems { get; }
}
