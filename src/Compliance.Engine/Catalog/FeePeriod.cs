namespace Compliance.Engine.Catalog;

/// <summary>What held for a fee from <see cref="From"/> to <see cref="To"/> (inclusive; null = open-ended).</summary>
public sealed record FeePeriod
{
    public required DateOnly From { get; init; }
    public DateOnly? To { get; init; }
    public FeeStatus Status { get; init; } = FeeStatus.Active;

    /// <summary>The standard: the most one charge may be, in yuan; null = no standard to check.</summary>
    public decimal? Max { get; init; }

    /// <summary>Item codes the fee may be charged for; null = any item.</summary>
    public IReadOnlySet<string>? Scope { get; init; }

    /// <summary>Unit codes that may collect it; null = any unit.</summary>
    public IReadOnlySet<string>? Collectors { get; init; }

    /// <summary>With <see cref="FeeStatus.Exempt"/>: the exempted payer types; null = every payer.</summary>
    public IReadOnlySet<string>? ExemptPayers { get; init; }

    /// <summary>This period's own basis, already defaulted to the fee's basis by the loader.</summary>
    public required string Basis { get; init; }

    public bool Covers(DateOnly d) => d >= From && (To is null || d <= To.Value);

    /// <summary>Abolished or suspended: no charge at all is allowed.</summary>
    public bool IsStopped => Status is FeeStatus.Abolished or FeeStatus.Suspended;

    /// <summary>checks.md step 4: exempt with no payer list, or the list names this payer.</summary>
    public bool ExemptsPayer(string? payerType) =>
        Status == FeeStatus.Exempt && (ExemptPayers is null || (payerType is not null && ExemptPayers.Contains(payerType)));
}
