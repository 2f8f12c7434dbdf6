using Compliance.Engine.Alerts;

namespace Compliance.Host.Serve;

/// <summary>The <c>Escalation</c> section: the 督办 clock in working days.</summary>
internal sealed class EscalationOptions
{
    public const string Section = "Escalation";

    public int AcknowledgeDays { get; set; } = 2;
    public int RectifyDays { get; set; } = 10;
    public int WarnDays { get; set; } = 1;
    public int RedAfterDays { get; set; } = 5;

    public EscalationPolicy ToPolicy() => new()
    {
        AcknowledgeDays = AcknowledgeDays,
        RectifyDays = RectifyDays,
        WarnDays = WarnDays,
        RedAfterDays = RedAfterDays,
    };
}
