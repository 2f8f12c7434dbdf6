using Compliance.Engine.Calendar;

namespace Compliance.Engine.Evaluation;

/// <summary>
/// One day of a clock walked by hand: whether it counted, its running count, and why (周末, the holiday's
/// name, 暂停计时 with the procedure, 调休上班).
/// </summary>
public sealed record WalkDay(DateOnly Date, DayKind Kind, bool Counted, int Count, string Reason);
