namespace Compliance.Rules.Evaluation;

/// <summary>One or more rules failed while they ran; the run's judgement is incomplete and is not written.</summary>
public sealed class RuleEvaluationException : Exception
{
    public RuleEvaluationException(IReadOnlyList<RuleError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<RuleError> Errors { get; }
}
