namespace Compliance.Engine.Catalog.Loading;

/// <summary>fees.json as read: its version (null when it names none) and its fees by code.</summary>
internal sealed record FeeCatalog(string? Version, Dictionary<string, Fee> Fees);
