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

    /// <summary>A notice the outbox gave up on, re-addressed to the office so that it can reach the unit another way.</summary>
    public const string Undelivered = "undelivered";

    /// <summary>The office's notice that a run failed and produced no findings; its row belongs to no alert (AlertId 0).</summary>
    public const string RunFailed = "run-failed";

    /// <summary>An outbox row's state as the office reads it.</summary>
    public static string StateToChinese(string state) => state switch
    {
        Pending => "待发",
        Sent => "已发",
        Failed => "投递失败",
        Cancelled => "已撤回",
        _ => state,
    };
}
