using Compliance.Engine.Alerts;

namespace Compliance.Host.Delivery;

/// <summary>A way to reach a unit. Returning means the channel accepted the message; anything else throws.</summary>
internal interface IDeliveryChannel
{
    string Name { get; }

    Task Send(OutboxBatch batch, string recipientName, CancellationToken cancellationToken);
}
