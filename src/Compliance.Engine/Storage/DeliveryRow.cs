namespace Compliance.Engine.Storage;

/// <summary>
/// The outbox: one notice of one alert for one recipient on one channel. It is sent when its channel has accepted
/// the message that carries it; until then it stays pending and is sent again with the same
/// <see cref="BatchKey"/>, which is the message's idempotency key.
/// </summary>
public sealed class DeliveryRow
{
    public long Id { get; set; }
    public long AlertId { get; set; }

    /// <summary><c>notice</c> (new or changed alert) or <c>follow-up</c> (督办).</summary>
    public required string Kind { get; set; }

    public required string Recipient { get; set; }
    public required string Channel { get; set; }
    public required string Address { get; set; }

    /// <summary>The notice, frozen when it was raised, so a re-send carries the same content.</summary>
    public required string NoticeJson { get; set; }

    /// <summary>True when the recipient gets a daily digest rather than one message per notice.</summary>
    public bool Digest { get; set; }

    /// <summary>The message this delivery travels in; fixed before the first attempt and never changed.</summary>
    public string? BatchKey { get; set; }

    /// <summary><c>pending</c>, <c>sent</c> or <c>failed</c> (gave up after the configured attempts).</summary>
    public required string State { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
