using System.Net.Http.Headers;
using System.Text.Json;
using Compliance.Engine.Alerts;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Delivery;

/// <summary>
/// A signed JSON POST. Transient failures (network, 5xx, 408, 429) are retried with exponential backoff by the
/// resilience handler of the named HttpClient; what still fails goes back to the outbox for a later attempt.
/// </summary>
internal sealed class WebhookChannel(IHttpClientFactory http, IOptions<DeliveryOptions> options) : IDeliveryChannel
{
    public const string ClientName = "webhook";

    public string Name => DeliveryChannels.Webhook;

    public async Task Send(OutboxBatch batch, string recipientName, CancellationToken cancellationToken)
    {
        var body = Body(batch, recipientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, batch.Address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.IdempotencyHeader, batch.Key);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(options.Value.Webhook.Secret, body));
        using var response = await http.CreateClient(ClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The body: the key, the recipient, and each notice with its evidence as a JSON object.</summary>
    public static byte[] Body(OutboxBatch batch, string recipientName)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("idempotencyKey", batch.Key);
            json.WriteString("recipient", batch.Recipient);
            json.WriteString("recipientName", recipientName);
            json.WriteString("title", MessageText.Subject(batch, recipientName));
            json.WriteStartArray("alerts");
            foreach (var n in batch.Notices)
            {
                json.WriteStartObject();
                json.WriteNumber("alertId", n.AlertId);
                json.WriteString("kind", n.Kind);
                json.WriteNumber("revision", n.Revision);
                json.WriteString("rule", n.Rule);
                json.WriteString("severity", n.Severity);
                json.WriteString("subject", n.Subject);
                json.WriteString("unit", n.Unit);
                json.WriteString("unitName", n.UnitName);
                json.WriteString("occurredOn", n.OccurredOn);
                json.WriteString("asOf", n.AsOf);
                json.WriteString("message", n.Message);
                json.WriteString("basis", n.Basis);
                json.WritePropertyName("evidence");
                json.WriteRawValue(n.Evidence);
                if (n.FollowUpSeverity is not null)
                {
                    json.WriteString("followUpSeverity", n.FollowUpSeverity);
                    json.WriteString("followUpOf", n.FollowUpOf);
                    json.WriteNumber("followUpUsed", n.FollowUpUsed ?? 0);
                    json.WriteNumber("followUpLimit", n.FollowUpLimit ?? 0);
                }
                if (n.RunFailed is { } run)
                {
                    json.WriteStartObject("runFailed");
                    json.WriteNumber("runId", run.RunId);
                    json.WriteString("trigger", run.Trigger);
                    json.WriteString("startedAt", run.StartedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteString("asOf", run.AsOf);
                    json.WriteString("ruleSet", run.RuleSet);
                    json.WriteString("inputsHash", run.InputsHash);
                    json.WriteString("error", run.Error);
                    json.WriteEndObject();
                }
                if (n.Undelivered is { } failure)
                {
                    json.WriteStartObject("undelivered");
                    json.WriteString("recipient", failure.Recipient);
                    json.WriteString("recipientName", failure.RecipientName);
                    json.WriteString("channel", failure.Channel);
                    json.WriteString("address", failure.Address);
                    json.WriteNumber("attempts", failure.Attempts);
                    json.WriteString("error", failure.Error);
                    json.WriteString("messageKey", failure.MessageKey);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
