using Compliance.Host.Generation;
using Compliance.Rules.Evaluation;
using Compliance.Engine.Ingest;

namespace Compliance.Host.Tests.Generation;

/// <summary>Options the generator refuses, and what a zero breach rate gives.</summary>
public sealed class GeneratorOptionsTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Generate_NegativeCases_Throws()
    {
        var act = () => DataGenerator.Generate(Options() with { Cases = -1 });

        act.Should().Throw<ArgumentException>().WithMessage("*must not be negative*");
    }

    [Fact]
    public void Generate_BreachRateAboveOne_Throws()
    {
        var act = () => DataGenerator.Generate(Options() with { BreachRate = 1.5 });

        act.Should().Throw<ArgumentException>().WithMessage("*between 0 and 1*");
    }

    [Fact]
    public void Generate_AsOfOutsideTheCalendars_ThrowsNamingTheCoveredYears()
    {
        var act = () => DataGenerator.Generate(Options() with { AsOf = new DateOnly(2031, 1, 5) });

        act.Should().Throw<ArgumentException>().WithMessage("*2031*covered years*2025*");
    }

    [Fact]
    public void Generate_ZeroBreachRate_GivesNoFindingAtAll()
    {
        var options = Options() with { BreachRate = 0, Cases = 1500 };
        var summary = DataGenerator.Generate(options);

        var data = FeedReader.ReadFolder(_scratch.Path, options.RuleSet.Stages);
        var result = Checker.Create(options.RuleSet).Check(data, options.AsOf);

        summary.Breaches.Should().BeEmpty();
        data.Rejects.Should().BeEmpty();
        result.Findings.Should().BeEmpty();
    }

    private GeneratorOptions Options() => new()
    {
        RuleSet = GenerationPaths.ShippedRules,
        OutputDirectory = _scratch.Path,
        AsOf = new DateOnly(2025, 11, 3),
        Cases = 100,
    };
}
