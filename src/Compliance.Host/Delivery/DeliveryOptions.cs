using Compliance.Engine.Alerts;

namespace Compliance.Host.Delivery;

/// <summary>The <c>Delivery</c> section: channels, digests, and how long the outbox keeps trying.</summary>
internal sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Attempts of one message before it is marked failed (each attempt already retries HTTP with backoff).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Pause after the first failed attempt; it doubles with each further one, up to six hours.</summary>
    public int FirstRetrySeconds { get; set; } = 60;

    public EmailOptions Email { get; set; } = new();
    public WebhookOptions Webhook { get; set; } = new();
    public FileDropOptions FileDrop { get; set; } = new();
    public DigestOptions Digest { get; set; } = new();

    public DeliveryPlan ToPlan() => new()
    {
        Email = Email.Enabled,
        Webhook = Webhook.Enabled,
        FileDrop = FileDrop.Enabled,
        DigestByDefault = Digest.Default,
        DigestUnits = Digest.Units.ToHashSet(StringComparer.Ordinal),
        ImmediateUnits = Digest.ImmediateUnits.ToHashSet(StringComparer.Ordinal),
    };
}
