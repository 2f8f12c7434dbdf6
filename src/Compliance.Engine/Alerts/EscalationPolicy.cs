namespace Compliance.Engine.Alerts;

/// <summary>
/// The 督办 clock, with the card ladder of checks.md applied to the follow-up itself: 预警 when
/// <see cref="WarnDays"/> or fewer of the limit remain, 黄牌 past the limit, 红牌 past the limit plus
/// <see cref="RedAfterDays"/>. Working days, start day not counted.
/// </summary>
public sealed record EscalationPolicy
{
    /// <summary>Working days a unit has to acknowledge a sent alert.</summary>
    public int AcknowledgeDays { get; init; } = 2;

    /// <summary>Working days a unit has to rectify an acknowledged (or upheld) alert.</summary>
    public int RectifyDays { get; init; } = 10;

    public int WarnDays { get; init; } = 1;
    public int RedAfterDays { get; init; } = 5;
}
