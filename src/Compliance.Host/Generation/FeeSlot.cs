using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>A fee that may lawfully be charged on a date: the fee, the period in force then, and its collectors sorted (null: any unit).</summary>
internal sealed record FeeSlot(Fee Fee, FeePeriod Period)
{
    public IReadOnlyList<string>? Collectors { get; } = Period.Collectors is { } c ? CatalogView.Sorted(c) : null;
}
