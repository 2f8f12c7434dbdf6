using Compliance.Engine.Catalog;

namespace Compliance.Host.Tests.Generation;

/// <summary>What the generator plants is what the check finds, no more: read back with the feed reader, judged with the shipped rules.</summary>
public sealed class PlantedBreachTests : IClassFixture<SampleSizedDataSet>, IClassFixture<LargeDataSet>
{
    private readonly SampleSizedDataSet _sample;
    private readonly LargeDataSet _large;

    public PlantedBreachTests(SampleSizedDataSet sample, LargeDataSet large)
    {
        _sample = sample;
        _large = large;
    }

    [Fact]
    public void Generate_SampleSize_RaisesEveryBuiltInCode()
    {
        var codes = _sample.Result.Findings.Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);

        codes.Should().Contain(BuiltInChecks.Codes);
        _sample.Summary.NotPlanted.Should().BeEmpty();
    }

    [Fact]
    public void Generate_SampleSize_EveryRecordGetsExactlyThePlantedFindings()
    {
        _sample.FoundBySubject.Should().Equal(_sample.PlantedBySubject);
    }

    [Fact]
    public void Generate_LargeSet_EveryRecordGetsExactlyThePlantedFindings()
    {
        _large.FoundBySubject.Should().Equal(_large.PlantedBySubject);
    }

    [Fact]
    public void Generate_SampleSize_WarningTalksAreTheOnesPredicted()
    {
        var units = _sample.Result.Findings.Where(f => f.Rule == "unit.warning-talk").Select(f => f.Unit);

        units.Should().BeEquivalentTo(_sample.Summary.WarningTalkUnits).And.NotBeEmpty();
    }

    [Fact]
    public void Generate_LargeSet_WarningTalksAreTheOnesPredicted()
    {
        var units = _large.Result.Findings.Where(f => f.Rule == "unit.warning-talk").Select(f => f.Unit);

        units.Should().BeEquivalentTo(_large.Summary.WarningTalkUnits);
    }

    [Fact]
    public void Generate_LargeSet_ShareOfRecordsWithFindingsIsNearTheBreachRate()
    {
        var records = _large.Data.Cases.Count + _large.Data.Charges.Count + _large.Data.Stages.Count;
        var share = (double)_large.FoundBySubject.Count / records;

        records.Should().Be(_large.Summary.Records);
        share.Should().BeInRange(0.016, 0.026, "the default breach rate is 2% and the forced first plants add a little");
    }

    [Fact]
    public void Generate_LargeSet_KeepsTheFeedRatios()
    {
        var cases = _large.Data.Cases.Count;

        cases.Should().Be(5000);
        _large.Data.Charges.Count.Should().Be(10000);
        _large.Data.Stages.Count.Should().BeInRange(500, 520);
        _large.Data.Procedures.Count.Should().BeInRange(200, 300);
    }

    [Fact]
    public void Generate_SampleSize_JudgesEveryRecordWithoutCalendarGapsOrFutureRows()
    {
        _sample.Result.CalendarMissing.Should().BeEmpty();
        _sample.Result.FutureDated.Should().BeEmpty();
        _sample.Result.UnknownUnits.Should().BeEmpty();
    }

    [Fact]
    public void Generate_SampleSize_PlantsTheNotableCompliantShapes()
    {
        _sample.Summary.Variants.Keys.Should().Contain(
        [
            "case.rescued-by-suspension", "case.rescued-by-extension", "case.open-suspended", "case.open",
            "case.void", "case.returned", "charge.no-case", "project.compliant",
        ]);
    }
}
