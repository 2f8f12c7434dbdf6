using System.Text;
using Compliance.Engine.Ingest;
using Compliance.Host.Generation;

namespace Compliance.Host.Tests.Generation;

/// <summary>The files are written the way exports come: mixed encodings and header languages, quoted fields, times of day.</summary>
public sealed class GeneratedFileFormatTests : IClassFixture<SampleSizedDataSet>, IDisposable
{
    private readonly SampleSizedDataSet _sample;
    private readonly ScratchFolder _scratch = new();

    public GeneratedFileFormatTests(SampleSizedDataSet sample) => _sample = sample;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Generate_Default_MixesEncodingsAsOfficeExportsDo()
    {
        var encodings = _sample.Data.Files.ToDictionary(f => f.Feed, f => f.Encoding);

        encodings["cases"].Should().Be(DetectedEncoding.Gb18030Name);
        encodings["charges"].Should().Be(DetectedEncoding.Utf8BomName);
        encodings["procedures"].Should().Be(DetectedEncoding.Utf8Name);
        encodings["stages"].Should().Be(DetectedEncoding.Utf8Name);
        _sample.Data.UnknownColumns.Should().BeEmpty();
    }

    [Fact]
    public void Generate_Default_CasesHaveChineseHeadersAndStagesEnglish()
    {
        var cases = File.ReadLines(Path.Combine(_sample.Folder, "cases.csv"), CodePagesEncodingProvider.Instance.GetEncoding(54936)!).First();
        var stages = File.ReadLines(Path.Combine(_sample.Folder, "stages.csv")).First();

        cases.Should().StartWith("办件编号,事项编码");
        stages.Should().StartWith("project_code,project_name,stage");
    }

    [Fact]
    public void Generate_CasesInUtf8_WritesEnglishHeadersWithoutBom()
    {
        var options = SampleData.Options(GenerationPaths.ShippedRules, _scratch.Path) with { CasesInGb18030 = false, Cases = 50 };
        DataGenerator.Generate(options);

        var bytes = File.ReadAllBytes(_scratch.Sub("cases.csv"));
        Encoding.UTF8.GetString(bytes).Should().StartWith("case_id,item_code,item_name");
        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        FeedReader.ReadFolder(_scratch.Path, options.RuleSet.Stages).Files.Single(f => f.Feed == "cases").Encoding.Should().Be(DetectedEncoding.Utf8Name);
    }

    [Fact]
    public void Generate_SampleSize_HoldsQuotedCommasAndLineBreaks()
    {
        _sample.Data.Cases.Should().Contain(c => c.Applicant != null && c.Applicant.Contains(','));
        _sample.Data.Cases.Should().Contain(c => c.Applicant != null && c.Applicant.Contains('\n'));
    }

    [Fact]
    public void Generate_SampleSize_WritesRealisticIdsAndTypes()
    {
        _sample.Data.Cases.Should().OnlyContain(c => System.Text.RegularExpressions.Regex.IsMatch(c.CaseId, @"^XK-20\d\d-\d{7}$"));
        _sample.Data.Stages.Should().OnlyContain(s => System.Text.RegularExpressions.Regex.IsMatch(s.ProjectCode, @"^20\d\d-\d{6}-\d\d-0[123]-\d{6}$"));
        _sample.Data.Cases.Select(c => c.ApplicantType).Distinct().Should().BeEquivalentTo(["企业", "小微企业", "个人"]);
    }

    [Fact]
    public void Generate_SampleSize_DatesNothingAfterTheAsOfDate()
    {
        var asOf = _sample.Options.AsOf;

        _sample.Data.Cases.Should().OnlyContain(c => c.AcceptedOn <= asOf && (c.DecidedOn == null || c.DecidedOn <= asOf));
        _sample.Data.Charges.Should().OnlyContain(c => c.ChargedOn <= asOf);
        _sample.Data.Stages.Should().OnlyContain(s => s.StartedOn <= asOf && (s.CompletedOn == null || s.CompletedOn <= asOf));
        _sample.Data.Procedures.Should().OnlyContain(p => p.Start <= asOf);
    }
}
