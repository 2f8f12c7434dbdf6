using Compliance.Engine.Catalog;

namespace Compliance.Engine.Alerts;

/// <summary>Which channels are switched on and which units get a daily digest instead of one message per notice.</summary>
public sealed record DeliveryPlan
{
    public bool Email { get; init; }
    public bool Webhook { get; init; }
    public bool FileDrop { get; init; } = true;

    /// <summary>Digest for every unit unless listed in <see cref="ImmediateUnits"/>.</summary>
    public bool DigestByDefault { get; init; }

    public IReadOnlySet<string> DigestUnits { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    public IReadOnlySet<string> ImmediateUnits { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool IsDigest(string unitCode) =>
        DigestUnits.Contains(unitCode) || (DigestByDefault && !ImmediateUnits.Contains(unitCode));

    /// <summary>The (channel, address) pairs a unit is reached through; a file drop is addressed by unit code.</summary>
    public IEnumerable<(string Channel, string Address)> AddressesOf(Unit unit)
    {
        if (Email && !string.IsNullOrWhiteSpace(unit.Email))
        {
            yield return (DeliveryChannels.Email, unit.Email);
        }
        if (Webhook && !string.IsNullOrWhiteSpace(unit.Webhook))
        {
            yield return (DeliveryChannels.Webhook, unit.Webhook);
        }
        if (FileDrop)
        {
            yield return (DeliveryChannels.File, unit.Code);
        }
    }
}
