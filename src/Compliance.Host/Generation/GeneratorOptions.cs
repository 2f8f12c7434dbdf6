using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>
/// What <see cref="DataGenerator.Generate"/> writes: the rule set whose codes the rows join, where, how many
/// cases (charges ≈ 2×, stages ≈ 0.1×, procedures ≈ 5% of them), and how many breaches and bad rows to plant.
/// The same options give the same bytes.
/// </summary>
public sealed record GeneratorOptions
{
    /// <summary>The seed of the shipped samples; any fixed seed gives a reproducible data set.</summary>
    public const int DefaultSeed = 20251103;

    public const double DefaultBreachRate = 0.02;

    /// <summary>The rule set the rows are generated for: items, fees, units, stages and its working calendar.</summary>
    public required RuleSet RuleSet { get; init; }

    /// <summary>Created when absent; cases.csv, procedures.csv, charges.csv and stages.csv in it are overwritten, other files left alone.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The date the data is meant to be judged as of; nothing is dated after it.</summary>
    public required DateOnly AsOf { get; init; }

    public int Cases { get; init; } = 1000;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>The share of cases, charges and stages that get one planted breach.</summary>
    public double BreachRate { get; init; } = DefaultBreachRate;

    /// <summary>cases.csv in GB18030 with Chinese headers (as Chinese office software writes it); else UTF-8 with English headers.</summary>
    public bool CasesInGb18030 { get; init; } = true;

    /// <summary>Deliberately unreadable rows per feed, cycling through the reject reasons that feed can have.</summary>
    public int BadRowsPerFeed { get; init; }
}
