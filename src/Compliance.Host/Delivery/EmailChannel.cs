using Compliance.Engine.Alerts;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Compliance.Host.Delivery;

/// <summary>
/// Mail through SMTP with MailKit. The Message-Id is derived from the idempotency key, so a message sent again
/// after a crash carries the same id and a mail system that de-duplicates by Message-Id shows it once.
/// </summary>
internal sealed class EmailChannel(IOptions<DeliveryOptions> options) : IDeliveryChannel
{
    public string Name => DeliveryChannels.Email;

    public async Task Send(OutboxBatch batch, string recipientName, CancellationToken cancellationToken)
    {
        var email = options.Value.Email;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(email.FromName, email.From));
        message.To.Add(new MailboxAddress(recipientName, batch.Address));
        message.Subject = MessageText.Subject(batch, recipientName);
        message.MessageId = IdOf(batch.Key);
        message.Headers.Add(WebhookSignature.IdempotencyHeader, batch.Key);
        message.Body = new TextPart("plain") { Text = MessageText.Body(batch, recipientName) };

        using var client = new SmtpClient { Timeout = email.TimeoutSeconds * 1000 };
        await client.ConnectAsync(email.Host, email.Port, email.Security, cancellationToken);
        if (email.User.Length > 0)
        {
            await client.AuthenticateAsync(email.User, email.Password, cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public static string IdOf(string key) => key + "@compliance.ledger";
}
