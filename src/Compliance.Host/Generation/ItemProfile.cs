using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>
/// One licensing item as the generator uses it: its effective limits, the units that plausibly handle it, who
/// applies for it, and how often it comes up.
/// </summary>
internal sealed record ItemProfile
{
    public required Item Item { get; init; }

    /// <summary>The item's place in <see cref="CatalogView.Items"/>.</summary>
    public required int Index { get; init; }
    public string Code => Item.Code;

    /// <summary>Ls: the item's statutory limit, else the rule set's default.</summary>
    public required int Statutory { get; init; }

    /// <summary>Lp: the item's promised limit, else Ls; never above Ls.</summary>
    public required int Promised { get; init; }

    public required IReadOnlyList<string> Units { get; init; }

    /// <summary>Applicant types with their weights, in <see cref="Applicants.All"/> order.</summary>
    public required IReadOnlyList<double> ApplicantWeights { get; init; }

    public required double Weight { get; init; }
}
