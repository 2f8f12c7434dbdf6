using Compliance.Host.Generation;

namespace Compliance.Host.Tests.Generation;

/// <summary>5,000 cases at the default breach rate, no bad rows: large enough for the rate to show.</summary>
public sealed class LargeDataSet : GeneratedDataSet
{
    public LargeDataSet()
        : base(folder => new GeneratorOptions
        {
            RuleSet = GenerationPaths.ShippedRules,
            OutputDirectory = folder,
            AsOf = new DateOnly(2025, 11, 3),
            Cases = 5000,
            Seed = 7,
        })
    {
    }
}
