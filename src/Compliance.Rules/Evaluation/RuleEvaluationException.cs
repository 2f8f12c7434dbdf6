namespace Compliance.Rules.Evaluation;

/// <summary>One or more rules failed while they ran; the run's judgement is incomplete and is not written.</summary>
public sealed class RuleEvaluationException : Exception
{
    /// <summary>How many failures are kept: a rule broken for every record fails millions of times, all alike.</summary>
    public const int Kept = 50;

    /// <param name="errors">The first failures in record order, at most <see cref="Kept"/>.</param>
    /// <param name="count">Every failure of the run.</param>
    public RuleEvaluationException(IReadOnlyList<RuleError> errors, int count)
        : base(string.Join(Environment.NewLine, errors) + (count > errors.Count ? $"{Environment.NewLine}……另有 {count - errors.Count} 处" : ""))
    {
        Errors = errors;
        Count = count;
    }

    /// <summary>The first failures in record order, at most <see cref="Kept"/>.</summary>
    public IReadOnlyList<RuleError> Errors { get; }

    /// <summary>Every failure of the run, kept or not.</summary>
    public int Count { get; }
}
