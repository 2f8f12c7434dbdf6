namespace Compliance.Engine.Alerts;

/// <summary>The channels an alert reaches a unit through, and the states of an outbox row.</summary>
public static class DeliveryChannels
{
    public const string Email = "email";
    public const string Webhook = "webhook";
    public const string File = "file";

    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public const string Notice = "notice";
    public const string FollowUp = "follow-up";
}
