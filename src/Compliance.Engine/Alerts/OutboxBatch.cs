namespace Compliance.Engine.Alerts;

/// <summary>One message to send: its idempotency key, where it goes, and the notices it carries (one, or a digest).</summary>
public sealed record OutboxBatch(string Key, string Recipient, string Channel, string Address, IReadOnlyList<AlertNotice> Notices, int Attempts);
