using Compliance.Host.Generation;

namespace Compliance.Host.Tests.Generation;

/// <summary>The same options give the same bytes; the seed is what varies a data set.</summary>
public sealed class DeterminismTests : IDisposable
{
    private static readonly string[] Files = ["cases.csv", "procedures.csv", "charges.csv", "stages.csv"];

    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Generate_SameOptionsTwice_WritesIdenticalBytes()
    {
        var first = DataGenerator.Generate(Options("first", seed: 11));
        var second = DataGenerator.Generate(Options("second", seed: 11));

        foreach (var file in Files)
        {
            File.ReadAllBytes(_scratch.Sub("second/" + file)).Should().Equal(File.ReadAllBytes(_scratch.Sub("first/" + file)), file);
        }
        second.Breaches.Should().BeEquivalentTo(first.Breaches, o => o.WithStrictOrdering());
        second.Rejects.Should().Equal(first.Rejects);
    }

    [Fact]
    public void Generate_AnotherSeed_WritesOtherRows()
    {
        DataGenerator.Generate(Options("first", seed: 11));
        DataGenerator.Generate(Options("second", seed: 12));

        File.ReadAllBytes(_scratch.Sub("second/cases.csv")).Should().NotEqual(File.ReadAllBytes(_scratch.Sub("first/cases.csv")));
    }

    private GeneratorOptions Options(string folder, int seed) => new()
    {
        RuleSet = GenerationPaths.ShippedRules,
        OutputDirectory = _scratch.Sub(folder),
        AsOf = new DateOnly(2025, 11, 3),
        Cases = 400,
        Seed = seed,
        BadRowsPerFeed = 3,
    };
}
