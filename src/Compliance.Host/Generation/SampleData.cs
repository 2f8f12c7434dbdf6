using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>
/// The options that produce the repository's <c>samples/</c> folder from the shipped <c>rules/</c>: regenerate
/// with these, never edit the files by hand (a test compares them byte for byte).
/// </summary>
public static class SampleData
{
    public const int Cases = 300;
    public const int BadRowsPerFeed = 4;

    /// <summary>The date the samples are meant to be checked as of.</summary>
    public static DateOnly AsOf { get; } = new(2025, 11, 3);

    public static GeneratorOptions Options(RuleSet rules, string outputDirectory) => new()
    {
        RuleSet = rules,
        OutputDirectory = outputDirectory,
        AsOf = AsOf,
        Cases = Cases,
        Seed = GeneratorOptions.DefaultSeed,
        BreachRate = GeneratorOptions.DefaultBreachRate,
        CasesInGb18030 = true,
        BadRowsPerFeed = BadRowsPerFeed,
    };
}
