namespace Compliance.Host.Delivery;

/// <summary>Webhook delivery: the shared secret the HMAC-SHA256 signature is made with, and HTTP retries.</summary>
internal sealed class WebhookOptions
{
    public bool Enabled { get; set; }

    /// <summary>Shared with every receiver; required when webhooks are enabled.</summary>
    public string Secret { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>HTTP-level retries within one attempt, with exponential backoff from <see cref="RetryDelayMilliseconds"/>.</summary>
    public int Retries { get; set; } = 3;

    public int RetryDelayMilliseconds { get; set; } = 500;
}
