using Compliance.Engine.Alerts;
using Compliance.Host.Serve;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Delivery;

/// <summary>
/// Drains the outbox: puts due notices into messages, sends each through its channel, and marks it sent only
/// after the channel accepted it. A failure goes back to the outbox with a later attempt time.
/// </summary>
internal sealed class DeliveryService(
    LedgerAccess access, RuleSetProvider rules, IEnumerable<IDeliveryChannel> channels, IOptions<DeliveryOptions> options,
    TimeProvider clock, ILogger<DeliveryService> log)
{
    private readonly Dictionary<string, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    // The Delivery and Digest jobs are two Quartz jobs and may run at once (both fire at 17:00:00 by default): each
    // would take the same due messages from the outbox and send them twice, so one drains it at a time.
    private readonly SemaphoreSlim _draining = new(1, 1);

    /// <summary>Sends what is due; <paramref name="flushDigests"/> also sends the digests held for the day.</summary>
    public async Task<int> DeliverDue(bool flushDigests, CancellationToken cancellationToken)
    {
        await _draining.WaitAsync(cancellationToken);
        try
        {
            return await Drain(flushDigests, cancellationToken);
        }
        finally
        {
            _draining.Release();
        }
    }

    private async Task<int> Drain(bool flushDigests, CancellationToken cancellationToken)
    {
        var outbox = access.Outbox();
        outbox.Batch(clock.GetUtcNow(), flushDigests);
        var units = rules.Current().RuleSet.Units;
        var sent = 0;
        foreach (var batch in outbox.Due(clock.GetUtcNow()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = units.TryGetValue(batch.Recipient, out var unit) ? unit.Name : batch.Recipient;
            try
            {
                if (!_channels.TryGetValue(batch.Channel, out var channel))
                {
                    throw new InvalidOperationException($"Channel '{batch.Channel}' is not configured.");
                }
                await channel.Send(batch, name, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var error = DeliveryError.Describe(e);
                log.LogWarning("Message {Key} to {Recipient} by {Channel} failed (attempt {Attempt}): {Error}",
                    batch.Key, batch.Recipient, batch.Channel, batch.Attempts + 1, error);
                var failure = outbox.MarkFailed(batch.Key, error, clock.GetUtcNow(), options.Value.MaxAttempts, TimeSpan.FromSeconds(options.Value.FirstRetrySeconds));
                if (failure is not null)
                {
                    GaveUp(failure);
                }
                continue;
            }
            outbox.MarkSent(batch.Key, clock.GetUtcNow());
            sent++;
        }
        if (sent > 0)
        {
            log.LogInformation("Delivered {Count} messages", sent);
        }
        return sent;
    }

    private void GaveUp(FinalFailure failure)
    {
        if (failure.OfficeKeys.Count > 0)
        {
            log.LogWarning("Delivery gave up: message {Key} to {Recipient} by {Channel} ({Address}) failed {Attempts} times, alerts {Alerts}: {Error}; the office {Office} is told by {OfficeKeys}",
                failure.Key, failure.Recipient, failure.Channel, failure.Address, failure.Attempts, failure.AlertIds, failure.Error, failure.Office, failure.OfficeKeys);
        }
        else
        {
            log.LogWarning("Delivery gave up: message {Key} to {Recipient} by {Channel} ({Address}) failed {Attempts} times, alerts {Alerts}: {Error}; nobody else is told (it was to the office, or the office has no address)",
                failure.Key, failure.Recipient, failure.Channel, failure.Address, failure.Attempts, failure.AlertIds, failure.Error);
        }
    }
}
