namespace Compliance.Rules.Evaluation;

/// <summary>A rule that failed while it ran on a record: an error with file and rule name, never a finding.</summary>
public sealed record RuleError(string File, int Line, string Rule, string Subject, string Message)
{
    public override string ToString() => $"{File}:{Line}: 规则 {Rule} 在 {Subject} 上运行出错：{Message}";

    /// <summary>
    /// What went wrong, for a rule author: the failures a rule expression meets in practice said in Chinese, the
    /// exception's type kept so that it can be looked up.
    /// </summary>
    internal static string Describe(Exception ex) => ex switch
    {
        NullReferenceException => "取了空值（null）的成员（NullReferenceException）",
        InvalidOperationException when ex.Message.StartsWith("Nullable object must have a value", StringComparison.Ordinal) =>
            "可空值为空（null），不能取其值（InvalidOperationException）",
        DivideByZeroException => "除数为零（DivideByZeroException）",
        OverflowException => "数值超出范围（OverflowException）",
        _ => $"{ex.GetType().Name}：{ex.Message}",
    };
}
