namespace Compliance.Rules.Evaluation;

/// <summary>
/// The words a message gives a deadline it cannot place: counting to it needs the working days of a year that no
/// calendar of the rule set covers yet — typically the next year, before its State Council notice is loaded. The
/// evidence keeps the deadline null: the calendar is never guessed.
/// </summary>
internal static class UnplacedDeadline
{
    public static string Text(int year) => $"届满日（须计入{year}年的工作日，该年放假安排尚未载入规则集，暂不能确定）";
}
